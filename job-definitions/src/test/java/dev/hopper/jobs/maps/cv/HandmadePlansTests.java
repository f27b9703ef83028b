package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.List;

import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.truth.HandmadePlans;
import dev.hopper.jobs.maps.truth.PlanScore;
import dev.hopper.jobs.maps.truth.PlanScorer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CV parser on plans it was not drawn for: SVG written by hand in styles the generator
 * does not draw, rendered by Chromium (tools/map-scoring/render-handmade), each clean and
 * photographed. Their scores are in docs/map-parsing.md (tools/map-scoring/run handmade);
 * what every plan must show is that the parser either reads it well or says it is unsure.
 */
class HandmadePlansTests {

	private final CvMapParser parser = new CvMapParser();

	@Test
	void everyPlanIsReadWellOrMarkedUnsureAndNoneComesBackEmptyAndSure() {
		List<HandmadePlans.Plan> plans = HandmadePlans.all();
		assertThat(plans).as("the hand-made plans").hasSizeGreaterThanOrEqualTo(12);
		List<String> overconfident = new ArrayList<>();
		for (HandmadePlans.Plan clean : plans) {
			for (HandmadePlans.Plan plan : List.of(clean, clean.photographed(clean.name().hashCode()))) {
				ParkingMap parsed = this.parser.parse(plan.image());
				PlanScore score = PlanScorer.score(plan.truth(), parsed, HandmadePlans.AISLE_PIXELS);
				if (score.f1() < 0.9 && !parsed.confidence().unsure()) {
					overconfident.add(plan.name() + ": F1 " + score.f1() + ", " + parsed.confidence());
				}
				if (parsed.slots().isEmpty()) {
					assertThat(parsed.confidence().score()).as(plan.name()).isZero();
				}
			}
		}
		assertThat(overconfident).as("plans read poorly but marked sure").isEmpty();
	}

	@Test
	void theTruthIsWhereTheBrowserDrewIt() {
		// the truth layer's rows mapped through the browser's transforms: turned or not, a
		// stall keeps its area, and every stall lies inside the image
		for (HandmadePlans.Plan plan : HandmadePlans.all()) {
			assertThat(plan.truth().width()).isEqualTo(plan.image().getWidth());
			assertThat(plan.truth().slots()).as(plan.name()).hasSizeGreaterThanOrEqualTo(40).allSatisfy((slot) -> {
				assertThat(slot.polygon()).hasSize(4).allSatisfy((p) -> {
					assertThat(p.x()).isBetween(0.0, (double) plan.image().getWidth());
					assertThat(p.y()).isBetween(0.0, (double) plan.image().getHeight());
				});
				// 2.5 m × 5 m at 20 px/m, at 90° to 45° to the row: 5,000 to 7,071 square pixels
				assertThat(Geometry.area(slot.polygon())).as(plan.name() + " " + slot.id()).isBetween(4990.0, 7080.0);
			});
		}
	}

}

package dev.hopper.jobs.maps.truth;

import java.util.List;

import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlanScorerTests {

	@Test
	void iouOfSquaresIsTheirSharedAreaOverTheirUnion() {
		assertThat(PlanScorer.iou(square(0, 0, 10), square(0, 0, 10))).isCloseTo(1.0, within(1e-9));
		// half overlapping: 50 shared of 150 in all
		assertThat(PlanScorer.iou(square(0, 0, 10), square(5, 0, 10))).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(PlanScorer.iou(square(0, 0, 10), square(20, 0, 10))).isZero();
		// a square rotated 45° in its own circle: the inner square holds 1/2 of the outer's area
		List<Point> diamond = List.of(new Point(5, 0), new Point(10, 5), new Point(5, 10), new Point(0, 5));
		assertThat(PlanScorer.iou(square(0, 0, 10), diamond)).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void slotsMatchOneToOneAtHalfIouAndTypesAndIdsAreCountedOnMatches() {
		ParkingMap truth = map(new Slot("A01", SlotType.REGULAR, square(0, 0, 10)),
				new Slot("A02", SlotType.EV, square(10, 0, 10)), new Slot("A03", SlotType.DISABLED, square(20, 0, 10)));
		ParkingMap parsed = map(new Slot("A01", SlotType.REGULAR, square(1, 0, 10)),
				// a second guess at the same slot: no second match
				new Slot("X", SlotType.REGULAR, square(2, 0, 10)),
				new Slot("A02", SlotType.REGULAR, square(10, 1, 10)),
				// IoU 1/3: below the bar
				new Slot("A03", SlotType.DISABLED, square(25, 0, 10)));
		PlanScore score = PlanScorer.score(truth, parsed, 10);
		assertThat(score.matched()).isEqualTo(2);
		assertThat(score.precision()).isEqualTo(0.5);
		assertThat(score.recall()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(score.f1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-9));
		assertThat(score.idAccuracy()).isEqualTo(1.0);
		assertThat(score.typeAccuracy()).isEqualTo(0.5);
		assertThat(score.evRecall()).isZero();
		assertThat(score.disabledRecall()).isZero();
		assertThat(score.meanIou()).isCloseTo((0.9 / 1.1 + 0.9 / 1.1) / 2, within(1e-9));
	}

	private static ParkingMap map(Slot... slots) {
		return new ParkingMap(100, 100, List.of(new Level("L1", List.of(slots), LaneGraph.empty(), List.of())),
				ParkingMap.Parser.cv(), null);
	}

	private static List<Point> square(double x, double y, double side) {
		return List.of(new Point(x, y), new Point(x + side, y), new Point(x + side, y + side), new Point(x, y + side));
	}

}

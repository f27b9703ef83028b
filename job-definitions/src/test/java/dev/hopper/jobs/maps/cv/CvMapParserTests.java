package dev.hopper.jobs.maps.cv;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.hopper.jobs.maps.plan.Confidence;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.PlanScore;
import dev.hopper.jobs.maps.truth.PlanScorer;
import dev.hopper.jobs.maps.truth.PlanSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CV parser against generated plans with exact truth (the generator draws; the parser
 * only sees pixels). The full table over every style, angle and rotation is
 * tools/map-scoring/run; these are a few of its plans, held to the targets.
 */
class CvMapParserTests {

	private static final double AISLE_PIXELS = 6.5 * 12;

	private final FloorPlanGenerator generator = new FloorPlanGenerator();

	private final CvMapParser parser = new CvMapParser();

	@ParameterizedTest
	@CsvSource({ "CAD, 0, 90, 1, 1", "CAD, 8, 60, 1, 11", "SKETCH, -30, 45, 1, 3", "COLOURED, 17, 60, 2, 2",
			"DARK, 8, 60, 2, 31" })
	void cleanPlansAreParsedSlotForSlotWithTheirTypesAndNames(PlanSpec.Style style, double rotation, int angle,
			int levels, long seed) {
		FloorPlanGenerator.GeneratedPlan plan = this.generator.generate(new PlanSpec(style, rotation, angle, levels, false,
				seed));
		ParkingMap parsed = this.parser.parse(plan.image());
		PlanScore score = PlanScorer.score(plan.truth(), parsed, AISLE_PIXELS);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.98);
		assertThat(score.meanIou()).as(score.toString()).isGreaterThan(0.85);
		assertThat(score.disabledRecall()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.evRecall()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(parsed.levels()).hasSize(levels);
		// small rotations keep the row/number names the plan's own labels use
		assertThat(score.idAccuracy()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(parsed.confidence().unsure()).as(parsed.confidence().toString()).isFalse();
		assertThat(parsed.levels()).allSatisfy((level) -> assertThat(level.confidence()).isGreaterThan(0.6));
		assertThat(parsed.slots()).allSatisfy((slot) -> assertThat(slot.confidence()).isBetween(0.5, 1.0));
	}

	/**
	 * The parser's own mark against the truth, on plans whose strokes vary (dashed, doubled,
	 * thick, a survey grid, pillars), some of which it reads badly: every poor reading is
	 * marked unsure, and nearly every good one is not.
	 */
	@Test
	void poorReadingsAreMarkedUnsureAndGoodOnesAreNot() {
		FloorPlanGenerator varied = new FloorPlanGenerator(12, true);
		int good = 0;
		int goodAndSure = 0;
		int poor = 0;
		for (int seed = 1; seed <= 32; seed++) {
			PlanSpec spec = new PlanSpec(PlanSpec.Style.values()[seed % 4], 11 * seed, new int[] { 90, 60, 45 }[seed % 3],
					1 + seed % 2, seed % 5 == 0, seed);
			FloorPlanGenerator.GeneratedPlan plan = varied.generate(spec);
			ParkingMap parsed = this.parser.parse(plan.image());
			double f1 = PlanScorer.score(plan.truth(), parsed, AISLE_PIXELS).f1();
			String what = spec.name() + " (" + plan.strokes().name() + "): F1 " + f1 + ", " + parsed.confidence();
			if (f1 < 0.8) {
				poor++;
				assertThat(parsed.confidence().unsure()).as(what).isTrue();
			}
			else if (f1 >= 0.95) {
				good++;
				goodAndSure += parsed.confidence().unsure() ? 0 : 1;
			}
		}
		assertThat(poor).as("the set holds poor readings to mark").isGreaterThan(3);
		assertThat(goodAndSure).as("good readings marked sure").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * good));
	}

	@ParameterizedTest
	@CsvSource({ "CAD, 0, 90, 1, 1", "SKETCH, -30, 45, 1, 3", "COLOURED, 17, 60, 2, 2", "DARK, 0, 90, 1, 32" })
	void aislesBecomeAConnectedLaneGraphReachingEveryEntrance(PlanSpec.Style style, double rotation, int angle,
			int levels, long seed) {
		FloorPlanGenerator.GeneratedPlan plan = this.generator.generate(new PlanSpec(style, rotation, angle, levels, false,
				seed));
		ParkingMap parsed = this.parser.parse(plan.image());
		PlanScore score = PlanScorer.score(plan.truth(), parsed, AISLE_PIXELS);
		assertThat(score.entranceRecall()).as(score.toString()).isEqualTo(1.0);
		assertThat(score.laneEdgeRecall()).as(score.toString()).isEqualTo(1.0);
		assertThat(score.entranceKindAccuracy()).as(score.toString()).isEqualTo(1.0);
		assertThat(score.oneWayRecall()).as(score.toString()).isEqualTo(1.0);
		for (Level level : parsed.levels()) {
			LaneGraph lanes = level.lanes();
			Map<String, Set<String>> joined = new HashMap<>();
			lanes.edges().forEach((edge) -> {
				joined.computeIfAbsent(edge.from(), (k) -> new HashSet<>()).add(edge.to());
				joined.computeIfAbsent(edge.to(), (k) -> new HashSet<>()).add(edge.from());
			});
			assertThat(joined.keySet()).as("every edge joins nodes of its level")
				.isSubsetOf(lanes.nodes().stream().map(LaneGraph.Node::id).toList());
			Set<String> reached = new HashSet<>(List.of(lanes.nodes().get(0).id()));
			for (List<String> queue = new ArrayList<>(reached); !queue.isEmpty();) {
				joined.getOrDefault(queue.remove(0), Set.of()).stream().filter(reached::add).forEach(queue::add);
			}
			assertThat(reached).as("one connected graph on " + level.id()).hasSize(lanes.nodes().size());
			assertThat(level.entrances()).allSatisfy((entrance) -> assertThat(lanes.nodes())
				.anySatisfy((node) -> assertThat(node.point()).isEqualTo(entrance.point())));
		}
	}

	@ParameterizedTest
	@CsvSource({ "SKETCH, -30, 45, 1, 3", "COLOURED, -12, 90, 1, 12", "DARK, 25, 60, 1, 33" })
	void photographedPlansKeepMostSlots(PlanSpec.Style style, double rotation, int angle, int levels, long seed) {
		FloorPlanGenerator.GeneratedPlan plan = this.generator.generate(new PlanSpec(style, rotation, angle, levels, true,
				seed));
		PlanScore score = PlanScorer.score(plan.truth(), this.parser.parse(plan.image()), AISLE_PIXELS);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.90);
	}

	/** At 30 pixels a metre (2–3 MP) labels are about 12 pixels tall: readable at any rotation. */
	@ParameterizedTest
	@CsvSource({ "CAD, 0, 90, 2, 21, false", "COLOURED, 17, 60, 1, 22, false", "SKETCH, 90, 45, 1, 23, false",
			"CAD, 135, 60, 2, 24, false", "COLOURED, 163, 90, 1, 25, true", "SKETCH, -17, 60, 1, 26, true",
			"DARK, 17, 60, 1, 34, false", "DARK, -8, 90, 1, 35, true" })
	void paintedLabelsLargeEnoughToReadBecomeTheSlotIds(PlanSpec.Style style, double rotation, int angle, int levels,
			long seed, boolean photographed) {
		FloorPlanGenerator.GeneratedPlan plan = new FloorPlanGenerator(30)
			.generate(new PlanSpec(style, rotation, angle, levels, photographed, seed));
		PlanScore score = PlanScorer.score(plan.truth(), this.parser.parse(plan.image()), 6.5 * 30);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(photographed ? 0.9 : 0.98);
		// upside down (135°, 163°) the row/number scheme would name every stall wrongly
		assertThat(score.idAccuracy()).as(score.toString()).isGreaterThanOrEqualTo(photographed ? 0.85 : 0.95);
	}

	/**
	 * The grey table around a photographed sheet is dark like ink. Taken for ink, its band
	 * made the typical stroke dozens of pixels wide, so neighbouring stall-line ends merged
	 * into one and whole rows (or every stall) stayed open.
	 */
	@ParameterizedTest
	@CsvSource({ "CAD, 17, 60, 2, 163", "CAD, 135, 60, 1, 188" })
	void sheetsPhotographedOnADarkTableKeepEveryRowAndItsReservedStalls(PlanSpec.Style style, double rotation,
			int angle, int levels, long seed) {
		FloorPlanGenerator.GeneratedPlan plan = new FloorPlanGenerator(30)
			.generate(new PlanSpec(style, rotation, angle, levels, true, seed));
		PlanScore score = PlanScorer.score(plan.truth(), this.parser.parse(plan.image()), 6.5 * 30);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.disabledRecall()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.evRecall()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void labelsTooSmallToReadLeaveUniqueRowAndNumberNames() {
		FloorPlanGenerator.GeneratedPlan plan = this.generator
			.generate(new PlanSpec(PlanSpec.Style.CAD, 135, 90, 2, false, 5));
		ParkingMap parsed = this.parser.parse(plan.image());
		assertThat(PlanScorer.score(plan.truth(), parsed, AISLE_PIXELS).f1()).isGreaterThanOrEqualTo(0.98);
		for (Level level : parsed.levels()) {
			List<String> ids = level.slots().stream().map((slot) -> slot.id()).toList();
			assertThat(ids).doesNotHaveDuplicates().allMatch((id) -> id.matches("[0-9]?[A-Z]+[0-9]{2}"));
		}
	}

	@Test
	void imagesWithoutAPlanGiveNoSlotsAndNoError() {
		BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		BufferedImage noise = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(1);
		for (int y = 0; y < 480; y++) {
			for (int x = 0; x < 640; x++) {
				blank.setRGB(x, y, Color.WHITE.getRGB());
				noise.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		// closed right triangles, as at the ends of angled rows: with a 45° side, their pixel
		// hull has three corners and no quadrilateral
		BufferedImage triangles = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = triangles.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.BLACK);
		for (int i = 0; i < 12; i++) {
			int x = 20 + (i % 6) * 100;
			int y = 40 + (i / 6) * 200;
			int side = 40 + 4 * i;
			g.drawPolygon(new int[] { x, x + side, x }, new int[] { y, y, y + side }, 3);
		}
		g.dispose();
		for (BufferedImage image : new BufferedImage[] { blank, noise, triangles,
				new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB) }) {
			ParkingMap parsed = this.parser.parse(image);
			assertThat(parsed.width()).isEqualTo(image.getWidth());
			assertThat(parsed.slots()).hasSizeLessThan(3);
			assertThat(parsed.confidence().unsure()).as(parsed.confidence().toString()).isTrue();
			if (parsed.slots().isEmpty()) {
				assertThat(parsed.confidence().score()).isZero();
				assertThat(parsed.confidence().reasons()).containsExactly(Confidence.NO_STALLS);
			}
		}
	}

}

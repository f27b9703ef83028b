package dev.hopper.jobs.maps.truth;

import java.util.List;

import dev.hopper.jobs.maps.plan.Entrance;
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

	@Test
	void lanesCountWhereParsedEdgesRunAlongThemAndOneWaysOnlyWhenTheyPointTheSameWay() {
		// truth: a one-way aisle from (0,50) to (100,50), a two-way one down to (100,100), an exit at (100,100)
		ParkingMap truth = lanes(List.of(new LaneGraph.Edge("a", "b", true), new LaneGraph.Edge("b", "c", false)),
				new Entrance("E1", Entrance.Kind.EXIT, new Point(100, 100)), 0);
		// the first edge found but pointing back; the second found, 3 px off; the exit 4 px off, taken for an entrance
		ParkingMap backwards = lanes(List.of(new LaneGraph.Edge("b", "a", true), new LaneGraph.Edge("b", "c", false)),
				new Entrance("X", Entrance.Kind.ENTRANCE, new Point(104, 100)), 3);
		PlanScore score = PlanScorer.score(truth, backwards, 10);
		assertThat(score.laneEdgeRecall()).isEqualTo(1.0);
		assertThat(score.oneWayRecall()).isZero();
		assertThat(score.entranceRecall()).isEqualTo(1.0);
		assertThat(score.entranceKindAccuracy()).isZero();

		ParkingMap right = lanes(List.of(new LaneGraph.Edge("a", "b", true)),
				new Entrance("X", Entrance.Kind.EXIT, new Point(100, 96)), 0);
		score = PlanScorer.score(truth, right, 10);
		assertThat(score.laneEdgeRecall()).isEqualTo(0.5);
		assertThat(score.oneWayRecall()).isEqualTo(1.0);
		assertThat(score.entranceKindAccuracy()).isEqualTo(1.0);
		// more than half an aisle away is not found
		assertThat(PlanScorer.score(truth, lanes(List.of(), new Entrance("X", Entrance.Kind.EXIT, new Point(100, 106)), 0),
				10).entranceRecall()).isZero();
	}

	private static ParkingMap lanes(List<LaneGraph.Edge> edges, Entrance entrance, double offset) {
		LaneGraph graph = new LaneGraph(List.of(new LaneGraph.Node("a", new Point(0, 50 + offset)),
				new LaneGraph.Node("b", new Point(100, 50 + offset)), new LaneGraph.Node("c", new Point(100 + offset, 100))),
				edges);
		return new ParkingMap(200, 200, List.of(new Level("L1", List.of(), graph, List.of(entrance))),
				ParkingMap.Parser.cv(), null);
	}

	private static ParkingMap map(Slot... slots) {
		return new ParkingMap(100, 100, List.of(new Level("L1", List.of(slots), LaneGraph.empty(), List.of())),
				ParkingMap.Parser.cv(), null);
	}

	private static List<Point> square(double x, double y, double side) {
		return List.of(new Point(x, y), new Point(x + side, y), new Point(x + side, y + side), new Point(x, y + side));
	}

}

package dev.hopper.jobs.maps.llm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.MapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * Parses a plan with the vision model: the plan is shown whole (downscaled) or tile by tile,
 * and the answers are mapped back to the plan's own pixels and joined floor by floor.
 */
public final class VisionLlmMapParser implements MapParser {

	private final VisionModel model;

	public VisionLlmMapParser(VisionModel model) {
		this.model = model;
	}

	@Override
	public ParkingMap parse(BufferedImage plan) {
		Tiles tiles = Tiles.of(plan.getWidth(), plan.getHeight(), this.model.maxImageSide());
		Map<String, Floor> floors = new LinkedHashMap<>();
		for (int t = 0; t < tiles.tiles().size(); t++) {
			Tiles.Tile tile = tiles.tiles().get(t);
			Shown shown = Shown.of(plan, tile.x(), tile.y(), tile.width(), tile.height(), tile.scale());
			int w = shown.image().getWidth();
			int h = shown.image().getHeight();
			PlanAnswer answer = this.model.answer(Prompts.PLAN.formatted(w, h), shown.image(), PlanAnswer.class,
					(a) -> PlanAnswerCheck.check(a, w, h));
			String nodePrefix = (tiles.tiles().size() == 1) ? "" : "t" + (t + 1) + "-";
			for (PlanAnswer.Floor floor : answer.levels()) {
				floors.computeIfAbsent(floor.id(), Floor::new).add(floor, shown, tile, nodePrefix);
			}
		}
		List<Level> levels = floors.values().stream().map(Floor::toLevel).toList();
		return new ParkingMap(plan.getWidth(), plan.getHeight(), levels,
				new ParkingMap.Parser("vision-llm", this.model.name(), Prompts.VERSION), null);
	}

	/** One floor's detections gathered from every tile that showed part of it. */
	private static final class Floor {

		private final String id;

		private final List<Slot> slots = new ArrayList<>();

		private final List<LaneGraph.Node> nodes = new ArrayList<>();

		private final List<LaneGraph.Edge> edges = new ArrayList<>();

		private final List<Entrance> entrances = new ArrayList<>();

		Floor(String id) {
			this.id = id;
		}

		void add(PlanAnswer.Floor floor, Shown shown, Tiles.Tile tile, String nodePrefix) {
			for (PlanAnswer.Stall stall : floor.slots()) {
				List<Point> polygon = stall.polygon().stream().map((p) -> point(p, shown)).toList();
				Point centre = Point.mean(polygon);
				if (tile.owns(centre.x(), centre.y())) {
					this.slots.add(new Slot(stall.id(), SlotType.valueOf(stall.type().name()), polygon));
				}
			}
			Set<String> kept = new HashSet<>();
			for (PlanAnswer.LaneNode node : floor.laneNodes()) {
				Point point = point(node.point(), shown);
				if (tile.owns(point.x(), point.y())) {
					kept.add(node.id());
					this.nodes.add(new LaneGraph.Node(nodePrefix + node.id(), point));
				}
			}
			for (PlanAnswer.LaneEdge edge : floor.laneEdges()) {
				if (kept.contains(edge.from()) && kept.contains(edge.to())) {
					this.edges.add(new LaneGraph.Edge(nodePrefix + edge.from(), nodePrefix + edge.to(), edge.oneway()));
				}
			}
			for (PlanAnswer.Way way : floor.entrances()) {
				Point point = point(way.point(), shown);
				if (tile.owns(point.x(), point.y())) {
					this.entrances.add(new Entrance(way.id(), Entrance.Kind.valueOf(way.kind().name()), point));
				}
			}
		}

		Level toLevel() {
			return new Level(this.id, this.slots, new LaneGraph(this.nodes, this.edges), this.entrances);
		}

		private static Point point(PlanAnswer.Xy xy, Shown shown) {
			return new Point(shown.planX(xy.x()), shown.planY(xy.y()));
		}

	}

}

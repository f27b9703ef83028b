package dev.hopper.jobs.maps.llm;

import java.util.HashSet;
import java.util.Set;

/**
 * What the schema cannot say about a plan answer: every list present, four finite corners
 * per stall on the image (give or take a twentieth of it), edges between known nodes.
 */
final class PlanAnswerCheck {

	private PlanAnswerCheck() {
	}

	static void check(PlanAnswer answer, int width, int height) {
		require(answer.levels() != null, "no levels");
		for (PlanAnswer.Floor floor : answer.levels()) {
			require(floor != null && floor.id() != null && floor.slots() != null && floor.laneNodes() != null
					&& floor.laneEdges() != null && floor.entrances() != null, "a level lacks a field");
			for (PlanAnswer.Stall stall : floor.slots()) {
				require(stall != null && stall.id() != null && stall.type() != null, "a slot lacks its id or type");
				require(stall.polygon() != null && stall.polygon().size() == 4, "slot " + stall.id() + " has "
						+ ((stall.polygon() == null) ? 0 : stall.polygon().size()) + " corners, not 4");
				stall.polygon().forEach((p) -> onImage(p, width, height, "slot " + stall.id()));
			}
			Set<String> nodes = new HashSet<>();
			for (PlanAnswer.LaneNode node : floor.laneNodes()) {
				require(node != null && node.id() != null, "a lane node lacks its id");
				onImage(node.point(), width, height, "lane node " + node.id());
				nodes.add(node.id());
			}
			for (PlanAnswer.LaneEdge edge : floor.laneEdges()) {
				require(edge != null && nodes.contains(edge.from()) && nodes.contains(edge.to()),
						"a lane edge joins unknown nodes");
			}
			for (PlanAnswer.Way way : floor.entrances()) {
				require(way != null && way.id() != null && way.kind() != null, "an entrance lacks its id or kind");
				onImage(way.point(), width, height, "entrance " + way.id());
			}
		}
	}

	private static void onImage(PlanAnswer.Xy p, int width, int height, String what) {
		require(p != null && Double.isFinite(p.x()) && Double.isFinite(p.y()), what + " has no position");
		double marginX = width / 20.0;
		double marginY = height / 20.0;
		require(p.x() >= -marginX && p.x() <= width + marginX && p.y() >= -marginY && p.y() <= height + marginY,
				what + " lies off the image at (" + p.x() + ", " + p.y() + ")");
	}

	static void require(boolean condition, String problem) {
		if (!condition) {
			throw new InvalidAnswer("The model's answer breaks the schema: " + problem, null);
		}
	}
}

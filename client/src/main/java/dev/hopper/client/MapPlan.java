package dev.hopper.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of a {@code map-parse} task, as the API documents it ({@code MapPlanResult}):
 * read it with {@code HopperClient.result(id, MapPlan.class)}. Coordinates are pixels of the
 * uploaded image, origin top-left, each point {@code [x, y]}.
 */
public record MapPlan(Image image, List<Level> levels, Parser parser, @Nullable String overlayUrl,
		@Nullable Degraded degraded) {

	/** Every slot of every level. */
	public List<Slot> slots() {
		return this.levels.stream().flatMap((level) -> level.slots().stream()).toList();
	}

	public record Image(int width, int height) {
	}

	public record Level(String id, List<Slot> slots, Lanes lanes, List<Entrance> entrances) {
	}

	/** A stall: its id, its type (regular, disabled, ev), four corners and its centre. */
	public record Slot(String id, String type, List<List<Double>> polygon, List<Double> center) {
	}

	public record Lanes(List<LaneNode> nodes, List<LaneEdge> edges) {
	}

	public record LaneNode(String id, List<Double> point) {
	}

	public record LaneEdge(String from, String to, boolean oneway) {
	}

	/** A way in or out: its kind is entrance, exit or both. */
	public record Entrance(String id, String kind, List<Double> point) {
	}

	/** Which parser made the plan: cv, vision-llm or hybrid, and for a model its name and prompt version. */
	public record Parser(String kind, @Nullable String model, @Nullable String promptVersion) {
	}

	/** Present when the model did not answer and the CV parser stood in: which parser was asked, and why it could not. */
	public record Degraded(String from, String reason, String detail) {
	}

}

package dev.hopper.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of a {@code map-parse} task, as the API documents it ({@code MapPlanResult}):
 * read it with {@code HopperClient.result(id, MapPlan.class)}. Coordinates are pixels of the
 * uploaded image, origin top-left, each point {@code [x, y]}.
 */
public record MapPlan(Image image, List<Level> levels, Parser parser, @Nullable String overlayUrl,
		@Nullable Confidence confidence, @Nullable Escalated escalated, @Nullable Degraded degraded) {

	/** Every slot of every level. */
	public List<Slot> slots() {
		return this.levels.stream().flatMap((level) -> level.slots().stream()).toList();
	}

	public record Image(int width, int height) {
	}

	/** A floor, and how sure the parser is of it (0 to 1; null from the vision model alone). */
	public record Level(String id, List<Slot> slots, Lanes lanes, List<Entrance> entrances, @Nullable Double confidence) {
	}

	/** A stall: its id, its type (regular, disabled, ev), four corners, its centre and the parser's confidence. */
	public record Slot(String id, String type, List<List<Double>> polygon, List<Double> center,
			@Nullable Double confidence) {
	}

	/** How sure the parser is of the plan; {@code unsure} below 0.6, with each doubt's reason. */
	public record Confidence(double score, boolean unsure, List<Doubt> doubts) {
	}

	/** A reason for doubt (no_stalls, unexplained_ink, irregular_stalls, labels_unread, open_geometry). */
	public record Doubt(String reason, @Nullable String level, String detail) {
	}

	/** Parser auto found the CV reading unsure and asked the model: which parser then ran, and why. */
	public record Escalated(String from, String to, double confidence, List<String> reasons) {
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

	/**
	 * Which parser made the plan (cv, vision-llm or hybrid), for a model its name and prompt
	 * version, and which was asked for (auto, cv, vision-llm, hybrid).
	 */
	public record Parser(String kind, @Nullable String model, @Nullable String promptVersion, @Nullable String requested) {
	}

	/** Present when the model did not answer and the CV parser stood in: which parser was asked, and why it could not. */
	public record Degraded(String from, String reason, String detail) {
	}

}

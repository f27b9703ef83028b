package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How sure a parser is of a whole plan (0 to 1), and each doubt that lowered it. Below
 * {@link #UNSURE_BELOW} the plan is marked unsure: {@code parser: auto} then asks the model.
 */
public record Confidence(double score, List<Doubt> doubts) {

	public static final double UNSURE_BELOW = 0.6;

	/** Ink is drawn but no stall was found in it. */
	public static final String NO_STALLS = "no_stalls";

	/** Much of the drawing's line work lies outside every stall found: stalls were likely missed. */
	public static final String UNEXPLAINED_INK = "unexplained_ink";

	/** Stalls found look unlike one another or unlike stalls (shape, size, no neighbour in a row). */
	public static final String IRREGULAR_STALLS = "irregular_stalls";

	/** Marks that look like labels were found in stalls but most could not be read: ids are the parser's own. */
	public static final String LABELS_UNREAD = "labels_unread";

	/** A level's aisles do not close into lanes, or it shows no way in or out. */
	public static final String OPEN_GEOMETRY = "open_geometry";

	public Confidence {
		doubts = List.copyOf(doubts);
	}

	public boolean unsure() {
		return this.score < UNSURE_BELOW;
	}

	/** Whether a doubt says stalls are missing, which only a parser that finds its own outlines can mend. */
	public boolean missesStalls() {
		return this.doubts.stream().anyMatch((d) -> d.reason().equals(NO_STALLS) || d.reason().equals(UNEXPLAINED_INK));
	}

	public List<String> reasons() {
		return this.doubts.stream().map(Doubt::reason).distinct().toList();
	}

	public Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("score", round(this.score));
		document.put("unsure", unsure());
		document.put("doubts", this.doubts.stream().map(Doubt::toDocument).toList());
		return document;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** One reason for doubt, on one level or (level null) the whole plan. */
	public record Doubt(String reason, @Nullable String level, String detail) {

		Map<String, Object> toDocument() {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("reason", this.reason);
			if (this.level != null) {
				document.put("level", this.level);
			}
			document.put("detail", this.detail);
			return document;
		}

	}

}

package dev.hopper.api.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

/**
 * A result read for people: the handful of figures a user looks for first (an audio file's
 * length, loudness, tempo and key; a plan's levels and stalls by type). Other job types show
 * only their raw JSON.
 */
final class ResultSummary {

	private ResultSummary() {
	}

	/** Label to value, in reading order; empty when there is nothing to summarise. */
	static Map<String, String> of(JobType type, Map<String, Object> result) {
		Map<String, String> summary = new LinkedHashMap<>();
		if (JobType.AUDIO_FEATURES.equals(type)) {
			put(summary, "Duration", number(result.get("durationSec"), 2, " s"));
			put(summary, "Sample rate", number(result.get("sampleRate"), 0, " Hz"));
			put(summary, "Channels", number(result.get("channels"), 0, ""));
			put(summary, "Integrated loudness", number(at(result, "loudness", "integratedLufs"), 1, " LUFS"));
			put(summary, "True peak", number(at(result, "loudness", "truePeakDbtp"), 1, " dBTP"));
			put(summary, "Tempo", number(at(result, "rhythm", "bpm"), 1, " BPM"));
			Object key = at(result, "tonal", "key");
			Object scale = at(result, "tonal", "scale");
			put(summary, "Key", (key != null) ? key + " " + ((scale != null) ? scale : "") : null);
			put(summary, "Median pitch", number(at(result, "pitch", "medianHz"), 1, " Hz"));
		}
		else if (JobType.MAP_PARSE.equals(type) && result.get("levels") instanceof List<?> levels) {
			put(summary, "Levels", Integer.toString(levels.size()));
			Map<String, Integer> byType = new LinkedHashMap<>();
			int slots = 0;
			for (Object level : levels) {
				if (level instanceof Map<?, ?> floor && floor.get("slots") instanceof List<?> stalls) {
					for (Object stall : stalls) {
						slots++;
						Object kind = (stall instanceof Map<?, ?> slot) ? slot.get("type") : null;
						byType.merge(String.valueOf(kind), 1, Integer::sum);
					}
				}
			}
			put(summary, "Slots", Integer.toString(slots));
			byType.forEach((kind, count) -> put(summary, "Slots: " + kind, Integer.toString(count)));
			put(summary, "Parser", String.valueOf(at(result, "parser", "kind")));
		}
		return summary;
	}

	private static void put(Map<String, String> summary, String label, @Nullable String value) {
		if (value != null) {
			summary.put(label, value);
		}
	}

	private static @Nullable Object at(Map<String, Object> result, String group, String name) {
		return (result.get(group) instanceof Map<?, ?> values) ? values.get(name) : null;
	}

	private static @Nullable String number(@Nullable Object value, int decimals, String unit) {
		if (!(value instanceof Number number)) {
			return null;
		}
		return String.format(java.util.Locale.ROOT, "%." + decimals + "f", number.doubleValue()) + unit;
	}

}

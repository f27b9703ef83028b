package dev.hopper.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hopper.core.task.JobType;

/**
 * The spectral curves an audio result carries, drawn: its chroma profile (energy per pitch
 * class, C to B) and its mean MFCCs (the spectral envelope's shape).
 */
final class ResultCurves {

	private ResultCurves() {
	}

	static List<Chart> of(JobType type, Map<String, Object> result) {
		List<Chart> curves = new ArrayList<>();
		if (!JobType.AUDIO_FEATURES.equals(type)) {
			return curves;
		}
		double[] chroma = numbers((result.get("tonal") instanceof Map<?, ?> tonal) ? tonal.get("chromaMean") : null);
		if (chroma.length > 0) {
			curves.add(Chart.line("Chroma profile, C to B", 240, 60, chroma));
		}
		double[] mfcc = numbers((result.get("mfcc") instanceof Map<?, ?> m) ? m.get("mean") : null);
		if (mfcc.length > 0) {
			curves.add(Chart.line("Mean MFCCs, 1 to " + mfcc.length, 240, 60, mfcc));
		}
		return curves;
	}

	private static double[] numbers(Object values) {
		if (!(values instanceof List<?> list) || list.stream().anyMatch((value) -> !(value instanceof Number))) {
			return new double[0];
		}
		return list.stream().mapToDouble((value) -> ((Number) value).doubleValue()).toArray();
	}

}

package dev.hopper.jobs.audio.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code audio-features} result, in the contract's field names. Quantities that a
 * file does not define (the loudness of silence, the tempo of a sine) are {@code null}.
 */
public record AudioFeatures(double durationSec, int sampleRate, int channels, String format, Loudness loudness,
		Rhythm rhythm, Tonal tonal, Spectral spectral, double[] mfccMean, double[] mfccStd,
		@Nullable Double pitchMedianHz) {

	/** Name and version of this engine, stored with every result it produces. */
	public static final String ENGINE_NAME = "hopper-audio";

	public static final String ENGINE_VERSION = "1.0.0";

	public record Loudness(@Nullable Double integratedLufs, @Nullable Double loudnessRangeLu, double truePeakDbtp,
			double rmsDbfs, double peakDbfs) {
	}

	public record Rhythm(@Nullable Double bpm, double bpmConfidence, double onsetRatePerSec) {
	}

	public record Tonal(@Nullable String key, @Nullable String scale, @Nullable Double keyStrength,
			double[] chromaMean) {
	}

	public record Spectral(Stat centroidHz, Stat rolloffHz, Stat flatness, Stat zeroCrossingRate) {
	}

	public record Stat(double mean, double std) {

		static Stat of(RunningStats stats) {
			return new Stat(stats.mean(), stats.std());
		}

		Map<String, Object> toDocument() {
			return ordered("mean", this.mean, "std", this.std);
		}

	}

	public Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("durationSec", this.durationSec);
		document.put("sampleRate", this.sampleRate);
		document.put("channels", this.channels);
		document.put("format", this.format);
		document.put("loudness",
				ordered("integratedLufs", this.loudness.integratedLufs, "loudnessRangeLu",
						this.loudness.loudnessRangeLu, "truePeakDbtp", this.loudness.truePeakDbtp, "rmsDbfs",
						this.loudness.rmsDbfs, "peakDbfs", this.loudness.peakDbfs));
		document.put("rhythm", ordered("bpm", this.rhythm.bpm, "bpmConfidence", this.rhythm.bpmConfidence,
				"onsetRatePerSec", this.rhythm.onsetRatePerSec));
		document.put("tonal", ordered("key", this.tonal.key, "scale", this.tonal.scale, "keyStrength",
				this.tonal.keyStrength, "chromaMean", list(this.tonal.chromaMean)));
		document.put("spectral",
				ordered("centroidHz", this.spectral.centroidHz.toDocument(), "rolloffHz",
						this.spectral.rolloffHz.toDocument(), "flatness", this.spectral.flatness.toDocument(),
						"zeroCrossingRate", this.spectral.zeroCrossingRate.toDocument()));
		document.put("mfcc", ordered("mean", list(this.mfccMean), "std", list(this.mfccStd)));
		document.put("pitch", ordered("medianHz", this.pitchMedianHz));
		document.put("engine", ordered("name", ENGINE_NAME, "version", ENGINE_VERSION));
		return document;
	}

	private static java.util.List<Double> list(double[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}

	/** A map in the order given; unlike Map.of it keeps nulls, which the contract uses. */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}

package dev.hopper.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of an {@code audio-features} task, as the API documents it
 * ({@code AudioFeaturesResult}): read it with {@code HopperClient.result(id, AudioFeatures.class)}.
 * Undefined quantities (the loudness of silence, the tempo of a file with no pulse) are null.
 */
public record AudioFeatures(double durationSec, int sampleRate, int channels, String format, Loudness loudness,
		Rhythm rhythm, Tonal tonal, Spectral spectral, Mfcc mfcc, Pitch pitch, Engine engine) {

	/** ITU-R BS.1770-4 / EBU R128; RMS and peak of all channels, dBFS. */
	public record Loudness(@Nullable Double integratedLufs, @Nullable Double loudnessRangeLu, double truePeakDbtp,
			double rmsDbfs, double peakDbfs) {
	}

	public record Rhythm(@Nullable Double bpm, double bpmConfidence, double onsetRatePerSec) {
	}

	/** The key (C … B) and scale (major, minor), and the 12 pitch classes' mean from C. */
	public record Tonal(@Nullable String key, @Nullable String scale, double keyStrength, List<Double> chromaMean) {
	}

	public record Spectral(MeanStd centroidHz, MeanStd rolloffHz, MeanStd flatness, MeanStd zeroCrossingRate) {
	}

	/** Mean and standard deviation over frames. */
	public record MeanStd(double mean, double std) {
	}

	/** 13 coefficients of 40 mel bands. */
	public record Mfcc(List<Double> mean, List<Double> std) {
	}

	public record Pitch(@Nullable Double medianHz) {
	}

	/** What computed the result, and its version. */
	public record Engine(String name, String version) {
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serializable;

/**
 * Running RMS and peak over all samples of all channels. Immutable and mergeable, so
 * per-segment levels add up to the file's in any grouping.
 *
 * @param samples samples measured
 * @param sumOfSquares sum of the squared samples
 * @param peak largest absolute sample
 */
public record SignalLevels(long samples, double sumOfSquares, double peak) implements Serializable {

	/** Level reported for digital silence, where the true level is minus infinity. */
	public static final double SILENCE_DBFS = -200.0;

	public static final SignalLevels NONE = new SignalLevels(0, 0, 0);

	/** Levels of the first {@code count} values of {@code samples}. */
	public static SignalLevels of(double[] samples, int count) {
		double sum = 0;
		double peak = 0;
		for (int i = 0; i < count; i++) {
			double sample = samples[i];
			sum += sample * sample;
			peak = Math.max(peak, Math.abs(sample));
		}
		return new SignalLevels(count, sum, peak);
	}

	public SignalLevels plus(SignalLevels other) {
		return new SignalLevels(this.samples + other.samples, this.sumOfSquares + other.sumOfSquares,
				Math.max(this.peak, other.peak));
	}

	/** RMS in dB relative to full scale, where a full-scale sine reads -3.01 dBFS (as sox does). */
	public double rmsDbfs() {
		return (this.samples == 0) ? SILENCE_DBFS : decibels(Math.sqrt(this.sumOfSquares / this.samples));
	}

	public double peakDbfs() {
		return decibels(this.peak);
	}

	static double decibels(double amplitude) {
		return (amplitude <= 0) ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude));
	}

}

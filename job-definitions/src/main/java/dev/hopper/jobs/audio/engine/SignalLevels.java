package dev.hopper.jobs.audio.engine;

/**
 * Running RMS and peak over all samples of all channels. Immutable and mergeable, so
 * per-segment levels add up to the file's in any grouping.
 *
 * @param samples samples measured
 * @param sumOfSquares sum of the squared samples
 * @param peak largest absolute sample
 */
public record SignalLevels(long samples, double sumOfSquares, double peak) {

	/** Level reported for digital silence, where the true level is minus infinity. */
	public static final double SILENCE_DBFS = -200.0;

	public static final SignalLevels NONE = new SignalLevels(0, 0, 0);

	public static SignalLevels of(AudioSegment segment) {
		double sum = 0;
		double peak = 0;
		for (double sample : segment.samples()) {
			sum += sample * sample;
			peak = Math.max(peak, Math.abs(sample));
		}
		return new SignalLevels(segment.samples().length, sum, peak);
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

	private static double decibels(double amplitude) {
		return (amplitude <= 0) ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(amplitude));
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Tempo from the autocorrelation of the onset envelope, accumulated over the whole file
 * in constant space (a ring of the last few seconds and one sum per lag). The beat period
 * is the lag that maximises the autocorrelation weighted by a log-normal prior around
 * 120 BPM (one octave wide), refined on its largest multiple inside the lag range.
 */
final class TempoEstimator implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final double MIN_BPM = 40;

	static final double MAX_BPM = 240;

	private static final double PRIOR_BPM = 120;

	private static final double PRIOR_OCTAVES = 1.0;

	private final double frameRate;

	private final double[] lagSums;

	private final double[] ring;

	private long seen;

	private double runningMean;

	private final double meanWeight;

	TempoEstimator(double frameRate) {
		this.frameRate = frameRate;
		// long enough for four periods of 60 BPM
		int maxLag = (int) Math.ceil(frameRate * 4.2);
		this.lagSums = new double[maxLag + 1];
		this.ring = new double[maxLag + 1];
		this.meanWeight = 1.0 / frameRate;
	}

	void accept(double flux) {
		this.runningMean += this.meanWeight * (flux - this.runningMean);
		double value = flux - this.runningMean;
		int size = this.ring.length;
		int here = (int) (this.seen % size);
		this.ring[here] = value;
		this.seen++;
		long available = Math.min(this.seen, size);
		for (int lag = 0; lag < available; lag++) {
			int j = here - lag;
			if (j < 0) {
				j += size;
			}
			this.lagSums[lag] += value * this.ring[j];
		}
	}

	record Tempo(double bpm, double confidence) {
	}

	@Nullable Tempo tempo() {
		double energy = this.lagSums[0];
		if (this.seen < this.lagSums.length || energy <= 0) {
			return null;
		}
		int minLag = (int) Math.floor(60 * this.frameRate / MAX_BPM);
		int maxLag = Math.min(this.lagSums.length - 2, (int) Math.ceil(60 * this.frameRate / MIN_BPM));
		int best = -1;
		double bestScore = 0;
		for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
			if (this.lagSums[lag] < this.lagSums[lag - 1] || this.lagSums[lag] < this.lagSums[lag + 1]) {
				continue;
			}
			double bpm = 60 * this.frameRate / lag;
			double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2) / PRIOR_OCTAVES;
			// a period between two lags splits its peak: height() counts the larger neighbour too
			double score = height(lag) * Math.exp(-0.5 * octaves * octaves);
			if (score > bestScore) {
				bestScore = score;
				best = lag;
			}
		}
		if (best < 0) {
			return null;
		}
		best = preferEvenPulse(best, minLag);
		double period = refine(best);
		double confidence = Math.max(0, Math.min(1, this.lagSums[best] / energy));
		return new Tempo(60 * this.frameRate / period, confidence);
	}

	/**
	 * When half the chosen period correlates (almost) as strongly, every pulse is equally
	 * strong and the shorter period is the beat: a click track at 180 BPM is not at 90.
	 */
	private int preferEvenPulse(int lag, int minLag) {
		int half = lag / 2;
		if (half - 1 < Math.max(2, minLag)) {
			return lag;
		}
		int peak = half;
		for (int i = half - 1; i <= half + 1; i++) {
			if (this.lagSums[i] > this.lagSums[peak]) {
				peak = i;
			}
		}
		return (height(peak) >= 0.9 * height(lag)) ? peak : lag;
	}

	private double height(int lag) {
		return this.lagSums[lag] + Math.max(0, Math.max(this.lagSums[lag - 1], this.lagSums[lag + 1]));
	}

	/**
	 * The period refined on ever larger multiples of itself (x2, x4, ...): each multiple's
	 * peak, interpolated, pins the period down more finely than one lag can.
	 */
	private double refine(int lag) {
		double period = lag;
		for (int multiple = 1; Math.round(period * multiple) + 2 < this.lagSums.length; multiple *= 2) {
			Double peak = interpolatedPeakNear((int) Math.round(period * multiple));
			if (peak == null) {
				break;
			}
			period = peak / multiple;
		}
		return period;
	}

	private Double interpolatedPeakNear(int centre) {
		int peak = centre;
		for (int i = Math.max(1, centre - 1); i <= Math.min(this.lagSums.length - 2, centre + 1); i++) {
			if (this.lagSums[i] > this.lagSums[peak]) {
				peak = i;
			}
		}
		double left = this.lagSums[peak - 1];
		double middle = this.lagSums[peak];
		double right = this.lagSums[peak + 1];
		if (middle <= 0 || middle < left || middle < right) {
			return null;
		}
		double denominator = left - 2 * middle + right;
		return peak + ((denominator == 0) ? 0 : 0.5 * (left - right) / denominator);
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: the largest absolute value of the signal
 * oversampled to at least 176.4 kHz (4x below 96 kHz, 2x below 192 kHz) with a 12-tap
 * windowed-sinc interpolator per phase. Blocks whose neighbourhood cannot beat the peak
 * found so far (by the filter's L1 gain) are skipped, and so are points whose two
 * nearest samples bound them below it, which keeps the cost near that of a plain peak
 * scan on music.
 */
final class TruePeakMeter implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int HALF_TAPS = 6;

	private static final int HISTORY = 2 * HALF_TAPS - 1;

	/** At least HALF_TAPS, so a position's taps lie in its own block and the two beside it. */
	private static final int BLOCK = 16;

	private static final double LOOSE = 1 + 1e-9;

	private final int factor;

	private final double[][] history;

	private double peak;

	private transient double[][] phases;

	private transient double gain;

	/** Per phase: |tap| at the two samples around the point, and the other taps' L1. */
	private transient double[][] bounds;

	private transient double[] work;

	private transient double[] blockPeaks;

	TruePeakMeter(int sampleRate, int channels) {
		this.factor = (sampleRate < 96_000) ? 4 : (sampleRate < 192_000) ? 2 : 1;
		this.history = new double[channels][HISTORY];
	}

	void accept(double[] interleaved, int frames) {
		int channels = this.history.length;
		for (int c = 0; c < channels; c++) {
			double[] buffer = workFor(frames);
			System.arraycopy(this.history[c], 0, buffer, 0, HISTORY);
			for (int i = 0, j = c; i < frames; i++, j += channels) {
				buffer[HISTORY + i] = interleaved[j];
			}
			scan(buffer, HISTORY + frames);
			System.arraycopy(buffer, frames, this.history[c], 0, HISTORY);
		}
	}

	/** Flushes the last samples against trailing silence; the end of this meter's use. */
	double truePeak() {
		for (double[] channel : this.history) {
			double[] buffer = workFor(HALF_TAPS);
			System.arraycopy(channel, 0, buffer, 0, HISTORY);
			java.util.Arrays.fill(buffer, HISTORY, HISTORY + HALF_TAPS, 0.0);
			scan(buffer, HISTORY + HALF_TAPS);
		}
		return this.peak;
	}

	/** Interpolates between positions n and n+1 for n in [HALF_TAPS - 1, length - HALF_TAPS). */
	private void scan(double[] x, int length) {
		ensurePhases();
		int blocks = (length + BLOCK - 1) / BLOCK;
		if (this.blockPeaks == null || this.blockPeaks.length < blocks) {
			this.blockPeaks = new double[blocks];
		}
		double[] peaks = this.blockPeaks;
		double found = this.peak;
		for (int b = 0; b < blocks; b++) {
			double m = SignalLevels.peak(x, b * BLOCK, Math.min(length, (b + 1) * BLOCK));
			peaks[b] = m;
			found = Math.max(found, m);
		}
		int first = HALF_TAPS - 1;
		int last = length - HALF_TAPS;
		for (int b = 0; b < blocks; b++) {
			double near = Math.max(peaks[b], Math.max((b > 0) ? peaks[b - 1] : 0, (b + 1 < blocks) ? peaks[b + 1] : 0));
			if (near * this.gain <= found) {
				continue;
			}
			for (int n = Math.max(first, b * BLOCK), end = Math.min(last, (b + 1) * BLOCK); n < end; n++) {
				if (!mayExceed(Math.abs(x[n]), Math.abs(x[n + 1]), near, found)) {
					continue;
				}
				int base = n - HALF_TAPS + 1;
				for (double[] h : this.phases) {
					double y = 0;
					for (int k = 0; k < h.length; k++) {
						y += h[k] * x[base + k];
					}
					found = Math.max(found, Math.abs(y));
				}
			}
		}
		this.peak = found;
	}

	private boolean mayExceed(double left, double right, double near, double found) {
		for (double[] bound : this.bounds) {
			if (bound[0] * left + bound[1] * right + bound[2] * near > found) {
				return true;
			}
		}
		return false;
	}

	private double[] workFor(int frames) {
		if (this.work == null || this.work.length < HISTORY + frames) {
			this.work = new double[HISTORY + frames];
		}
		return this.work;
	}

	private void ensurePhases() {
		if (this.phases != null) {
			return;
		}
		this.phases = new double[this.factor - 1][2 * HALF_TAPS];
		this.bounds = new double[this.factor - 1][];
		double gain = 1.0;
		for (int p = 1; p < this.factor; p++) {
			double offset = (double) p / this.factor;
			double[] h = this.phases[p - 1];
			double sum = 0;
			for (int k = 0; k < h.length; k++) {
				double u = offset - (k - HALF_TAPS + 1);
				double window = 0.5 * (1 + Math.cos(Math.PI * u / HALF_TAPS));
				h[k] = sinc(u) * window;
				sum += h[k];
			}
			double l1 = 0;
			for (int k = 0; k < h.length; k++) {
				h[k] /= sum;
				l1 += Math.abs(h[k]);
			}
			gain = Math.max(gain, l1);
			// bounds a hair loose, so rounding never skips a point that would have won:
			// the peak is the same whichever way the signal was cut into pieces
			double left = Math.abs(h[HALF_TAPS - 1]);
			double right = Math.abs(h[HALF_TAPS]);
			this.bounds[p - 1] = new double[] { left * LOOSE, right * LOOSE, (l1 - left - right) * LOOSE };
		}
		this.gain = gain * LOOSE;
	}

	private static double sinc(double u) {
		return (u == 0) ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: the largest absolute value of the signal
 * oversampled to at least 176.4 kHz (4x below 96 kHz, 2x below 192 kHz) with a 12-tap
 * windowed-sinc interpolator per phase. Stretches whose neighbourhood cannot beat the
 * peak found so far (by the filter's L1 gain) are skipped, which keeps the cost near
 * that of a plain peak scan on music.
 */
final class TruePeakMeter implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int HALF_TAPS = 6;

	private static final int HISTORY = 2 * HALF_TAPS - 1;

	private static final int BLOCK = 64;

	private final int factor;

	private final double[][] history;

	private double peak;

	private transient double[][] phases;

	private transient double gain;

	private transient double[] work;

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
		double found = this.peak;
		for (int i = HISTORY; i < length; i++) {
			found = Math.max(found, Math.abs(x[i]));
		}
		int first = HALF_TAPS - 1;
		int last = length - HALF_TAPS;
		for (int blockStart = first; blockStart < last; blockStart += BLOCK) {
			int blockEnd = Math.min(last, blockStart + BLOCK);
			double neighbourhood = 0;
			for (int i = blockStart - HALF_TAPS + 1; i <= blockEnd + HALF_TAPS - 1 && i < length; i++) {
				neighbourhood = Math.max(neighbourhood, Math.abs(x[i]));
			}
			if (neighbourhood * this.gain <= found) {
				continue;
			}
			for (int n = blockStart; n < blockEnd; n++) {
				for (double[] h : this.phases) {
					double y = 0;
					int base = n - HALF_TAPS + 1;
					for (int k = 0; k < h.length; k++) {
						y += h[k] * x[base + k];
					}
					found = Math.max(found, Math.abs(y));
				}
			}
		}
		this.peak = found;
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
		}
		this.gain = gain;
	}

	private static double sinc(double u) {
		return (u == 0) ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Block loudness from -70 to +10 LUFS in 0.01 LU bins, with each bin's summed energy, so
 * that gated means are computed from the blocks' energies, not from bin centres.
 */
final class LoudnessHistogram implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final double LOWEST = -70.0;

	private static final double BIN = 0.01;

	private static final int BINS = 8000;

	private final long[] counts = new long[BINS];

	private final double[] energies = new double[BINS];

	/** Adds a block of mean-square {@code energy}; blocks under the absolute gate are dropped. */
	void add(double energy) {
		double loudness = LoudnessMeter.loudnessOf(energy);
		if (!(loudness >= LOWEST)) {
			return;
		}
		int bin = Math.min(BINS - 1, (int) ((loudness - LOWEST) / BIN));
		this.counts[bin]++;
		this.energies[bin] += energy;
	}

	/** Loudness of the mean energy of the blocks at or above {@code gate}. */
	@Nullable Double meanLoudnessFrom(double gate) {
		long count = 0;
		double energy = 0;
		for (int bin = binOf(gate); bin < BINS; bin++) {
			count += this.counts[bin];
			energy += this.energies[bin];
		}
		return (count == 0) ? null : LoudnessMeter.loudnessOf(energy / count);
	}

	/** The {@code fraction} percentile of block loudness among blocks at or above {@code gate}. */
	@Nullable Double percentileFrom(double gate, double fraction) {
		int first = binOf(gate);
		long count = 0;
		for (int bin = first; bin < BINS; bin++) {
			count += this.counts[bin];
		}
		if (count == 0) {
			return null;
		}
		long rank = (long) Math.floor(fraction * (count - 1));
		long seen = 0;
		for (int bin = first; bin < BINS; bin++) {
			seen += this.counts[bin];
			if (seen > rank) {
				return LOWEST + (bin + 0.5) * BIN;
			}
		}
		return null;
	}

	private static int binOf(double loudness) {
		return (int) Math.max(0, Math.min(BINS - 1, Math.floor((loudness - LOWEST) / BIN)));
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * Picks onsets from the spectral-flux envelope as it streams in: a frame is an onset when
 * it is the largest within three frames either side, rises {@link #MIN_RISE} above the
 * mean of the preceding {@link #HISTORY} frames, and comes at least {@link #MIN_GAP}
 * frames after the previous onset. Decisions lag the envelope by three frames.
 */
final class OnsetDetector implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int LOOK = 3;

	private static final int HISTORY = 16;

	private static final int SPAN = HISTORY + LOOK + 1;

	/** Mean rise across mel bands, in dB, that counts as an attack. */
	static final double MIN_RISE = 1.5;

	private static final int MIN_GAP = 3;

	private final double[] ring = new double[SPAN];

	private long seen;

	private long lastOnset = Long.MIN_VALUE / 2;

	private long onsets;

	void accept(double flux) {
		this.ring[(int) (this.seen % SPAN)] = flux;
		this.seen++;
		long candidate = this.seen - 1 - LOOK;
		if (candidate < 0) {
			return;
		}
		double value = at(candidate);
		double mean = 0;
		int count = 0;
		for (long i = Math.max(0, candidate - HISTORY); i < candidate; i++) {
			mean += at(i);
			count++;
		}
		mean = (count == 0) ? 0 : mean / count;
		for (long i = Math.max(0, candidate - LOOK); i <= candidate + LOOK; i++) {
			if (at(i) > value) {
				return;
			}
		}
		if (value >= mean + MIN_RISE && candidate - this.lastOnset >= MIN_GAP) {
			this.onsets++;
			this.lastOnset = candidate;
		}
	}

	/** Judges the last frames against silence after the end. */
	void finish() {
		for (int i = 0; i < LOOK; i++) {
			accept(0.0);
		}
	}

	long onsets() {
		return this.onsets;
	}

	private double at(long index) {
		return this.ring[(int) (index % SPAN)];
	}

}

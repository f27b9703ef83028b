package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** Voiced-frame pitches in one-cent bins from 50 Hz to 2 kHz, for an exact-to-the-cent median. */
final class PitchHistogram implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int BINS = (int) Math.ceil(1200 * Math.log(AnalysisTables.PITCH_HIGH_HZ
			/ AnalysisTables.PITCH_LOW_HZ) / Math.log(2)) + 1;

	private final long[] counts = new long[BINS];

	private long total;

	void add(double hertz) {
		int cents = (int) Math.round(1200 * Math.log(hertz / AnalysisTables.PITCH_LOW_HZ) / Math.log(2));
		if (cents >= 0 && cents < BINS) {
			this.counts[cents]++;
			this.total++;
		}
	}

	@Nullable Double medianHz() {
		if (this.total == 0) {
			return null;
		}
		long half = (this.total + 1) / 2;
		long seen = 0;
		for (int bin = 0; bin < BINS; bin++) {
			seen += this.counts[bin];
			if (seen >= half) {
				return AnalysisTables.PITCH_LOW_HZ * Math.pow(2, bin / 1200.0);
			}
		}
		return null;
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

/** Count, mean and population standard deviation of a stream of values, in constant space. */
final class RunningStats implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private long count;

	private double mean;

	private double squaredDeviations;

	void add(double value) {
		// Welford: stable for millions of frames
		this.count++;
		double delta = value - this.mean;
		this.mean += delta / this.count;
		this.squaredDeviations += delta * (value - this.mean);
	}

	long count() {
		return this.count;
	}

	double mean() {
		return this.mean;
	}

	double std() {
		return (this.count == 0) ? 0.0 : Math.sqrt(this.squaredDeviations / this.count);
	}

}

package dev.hopper.jobs;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set when this worker is shutting down: running chunk steps stop at their next boundary
 * (their last chunk committed, so the task restarts from there elsewhere), and no new
 * task is taken.
 */
public class WorkerDrain {

	private final AtomicBoolean draining = new AtomicBoolean();

	public void start() {
		this.draining.set(true);
	}

	public boolean isDraining() {
		return this.draining.get();
	}

}

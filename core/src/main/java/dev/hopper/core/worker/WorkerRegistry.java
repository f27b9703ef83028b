package dev.hopper.core.worker;

import java.time.Duration;
import java.util.List;

/** Port: where worker processes announce themselves, so operators see who is alive and what each runs. */
public interface WorkerRegistry {

	/** Records {@code status} as its worker's latest, kept {@code keep} unless it beats again. */
	void beat(WorkerStatus status, Duration keep);

	/** Every worker that beat within its keep time, live or lost, in no order. */
	List<WorkerStatus> all();

	/** A worker that stops cleanly leaves at once. */
	void leave(String workerId);

}

package dev.hopper.core.queue;

import dev.hopper.core.task.JobType;

/** Port for handing tasks to workers. */
public interface WorkQueue {

	/**
	 * Publishes {@code message} durably and returns once the broker confirmed it.
	 * @throws dev.hopper.core.TransientFailure when the broker did not confirm
	 */
	void publish(TaskMessage message);

	/**
	 * Messages of {@code type} waiting on the queue (not those being worked on).
	 * @throws dev.hopper.core.TransientFailure when the broker cannot tell
	 */
	default long depth(JobType type) {
		return inspect(type).ready();
	}

	/**
	 * The queue of {@code type} as the broker sees it: waiting messages and consumers.
	 * @throws dev.hopper.core.TransientFailure when the broker cannot tell
	 */
	QueueDepth inspect(JobType type);

}

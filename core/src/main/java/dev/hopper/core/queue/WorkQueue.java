package dev.hopper.core.queue;

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
	long depth(dev.hopper.core.task.JobType type);

}

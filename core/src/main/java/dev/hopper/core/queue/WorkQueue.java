package dev.hopper.core.queue;

/** Port for handing tasks to workers. */
public interface WorkQueue {

	/**
	 * Publishes {@code message} durably and returns once the broker confirmed it.
	 * @throws dev.hopper.core.TransientFailure when the broker did not confirm
	 */
	void publish(TaskMessage message);

}

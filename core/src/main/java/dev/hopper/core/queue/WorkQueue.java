package dev.hopper.core.queue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.task.JobType;

/** Port for handing tasks to workers. */
public interface WorkQueue {

	/**
	 * Publishes {@code message} durably and returns once the broker confirmed it.
	 * @throws dev.hopper.core.TransientFailure when the broker did not confirm
	 */
	void publish(TaskMessage message);

	/**
	 * Publishes them all, then awaits their confirms together (pipelined, not one after
	 * another); returns the task ids the broker confirmed. None are confirmed when the broker
	 * is away: the outbox sends them later.
	 */
	default Set<String> publishAll(List<TaskMessage> messages) {
		Set<String> confirmed = new HashSet<>();
		for (TaskMessage message : messages) {
			try {
				publish(message);
				confirmed.add(message.taskId());
			}
			catch (HopperFailure ex) {
				break;
			}
		}
		return confirmed;
	}

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

package dev.hopper.api.intake;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a task, then publishes its message. The task document is the outbox: it says
 * whether its message is confirmed, and {@link OutboxRelay} publishes what is not, so a
 * task answered with 202 reaches a worker even if the broker was down at that moment.
 */
class TaskIntake {

	private static final Logger logger = LoggerFactory.getLogger(TaskIntake.class);

	private final TaskStore tasks;

	private final WorkQueue queue;

	TaskIntake(TaskStore tasks, WorkQueue queue) {
		this.tasks = tasks;
		this.queue = queue;
	}

	/** Durably accepts {@code task}; its message is published now or later by the relay. */
	void accept(Task task) {
		this.tasks.insert(task);
		publish(task);
	}

	/** Publishes the task's message and marks it published; false if the broker did not confirm. */
	boolean publish(Task task) {
		try {
			this.queue.publish(new TaskMessage(task.id(), task.type()));
		}
		catch (HopperFailure ex) {
			logger.warn("Task {} is recorded but not yet published; the outbox relay will retry: {}", task.id(),
					ex.getMessage());
			return false;
		}
		this.tasks.markPublished(task.id());
		return true;
	}

}

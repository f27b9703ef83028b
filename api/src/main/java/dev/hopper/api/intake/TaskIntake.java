package dev.hopper.api.intake;

import java.util.List;

import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.task.LoggedTask;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a task, then publishes its message. The task document is the outbox: a task
 * answered with 202 reaches a worker even if the broker was down at that moment, because
 * the outbox relay publishes what was not confirmed.
 */
class TaskIntake {

	private static final Logger logger = LoggerFactory.getLogger(TaskIntake.class);

	private final TaskLifecycle tasks;

	private final TaskPublisher publisher;

	TaskIntake(TaskLifecycle tasks, TaskPublisher publisher) {
		this.tasks = tasks;
		this.publisher = publisher;
	}

	/** Durably accepts {@code task}; its message is published now or later by the relay. */
	void accept(Task task) {
		this.tasks.insert(task);
		this.publisher.publish(task);
		logAccepted(task);
	}

	/** {@link #accept} for many (a batch's files): one insert, their confirms awaited together. */
	void acceptAll(List<Task> tasks) {
		this.tasks.insertAll(tasks);
		this.publisher.publishAll(tasks);
		tasks.forEach(TaskIntake::logAccepted);
	}

	private static void logAccepted(Task task) {
		try (var logged = LoggedTask.of(task.id())) {
			logger.info("Task {} accepted: {}, {} bytes{}", task.id(), task.type(), task.upload().sizeBytes(),
					(task.batchId() != null) ? ", batch " + task.batchId() : "");
		}
	}

}

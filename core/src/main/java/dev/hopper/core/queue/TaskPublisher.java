package dev.hopper.core.queue;

import java.util.List;
import java.util.Set;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a task's message goes out: publish with a confirm, then mark the task
 * published. The task document is the outbox: a task the broker did not confirm stays
 * unpublished, and {@link OutboxRelay} sends it later. Intake, redrives, the sweeper and
 * the relay all publish through here.
 */
public final class TaskPublisher {

	private static final Logger logger = LoggerFactory.getLogger(TaskPublisher.class);

	private final WorkQueue queue;

	private final TaskOutbox tasks;

	public TaskPublisher(WorkQueue queue, TaskOutbox tasks) {
		this.queue = queue;
		this.tasks = tasks;
	}

	/** Publishes the task's message and marks it published; false if the broker did not confirm. */
	public boolean publish(Task task) {
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

	/**
	 * Publishes them all with their confirms awaited together, and marks the confirmed ones
	 * published in one write; returns how many were. The rest are the outbox's.
	 */
	public int publishAll(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return 0;
		}
		Set<String> confirmed = this.queue.publishAll(tasks.stream()
			.map((task) -> new TaskMessage(task.id(), task.type()))
			.toList());
		if (confirmed.size() < tasks.size()) {
			logger.warn("{} of {} tasks are recorded but not yet published; the outbox relay will retry",
					tasks.size() - confirmed.size(), tasks.size());
		}
		this.tasks.markPublished(confirmed);
		return confirmed.size();
	}

}

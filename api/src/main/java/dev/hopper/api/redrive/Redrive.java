package dev.hopper.api.redrive;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.task.Task;

/**
 * Gives FAILED tasks (a batch's, or a dead letter's) another round: each goes back to QUEUED with its attempts
 * counted from zero and is published like a new upload (the outbox relay sends it if the broker is away).
 */
public class Redrive {

	private static final int PAGE = 500;

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final TaskPublisher publisher;

	Redrive(TaskQueries tasks, TaskLifecycle lifecycle, TaskPublisher publisher) {
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.publisher = publisher;
	}

	/** Queues one FAILED task again; false when it was not FAILED. */
	public boolean task(Task task) {
		if (!this.lifecycle.redrive(task.id())) {
			return false;
		}
		this.publisher.publish(task);
		return true;
	}

	/** The number of tasks queued again. */
	public int failedTasksOf(String batchId) {
		int redriven = 0;
		while (true) {
			int before = redriven;
			for (Task task : this.tasks.findFailedInBatch(batchId, PAGE)) {
				redriven += task(task) ? 1 : 0;
			}
			if (redriven - before < PAGE) {
				return redriven;
			}
		}
	}

}

package dev.hopper.api.intake;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;

/**
 * Gives FAILED tasks (a batch's, or a dead letter's) another round: each goes back to QUEUED with its attempts
 * counted from zero and is published through the outbox, like a new upload.
 */
public class Redrive {

	private static final int PAGE = 500;

	private final TaskStore tasks;

	private final TaskIntake intake;

	Redrive(TaskStore tasks, TaskIntake intake) {
		this.tasks = tasks;
		this.intake = intake;
	}

	/** Queues one FAILED task again; false when it was not FAILED. */
	public boolean task(Task task) {
		if (!this.tasks.redrive(task.id())) {
			return false;
		}
		this.intake.publish(task);
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

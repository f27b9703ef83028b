package dev.hopper.api.intake;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;

/**
 * Gives a batch's FAILED tasks another round: each goes back to QUEUED with its attempts
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

	/** The number of tasks queued again. */
	public int failedTasksOf(String batchId) {
		int redriven = 0;
		while (true) {
			int before = redriven;
			for (Task task : this.tasks.findFailedInBatch(batchId, PAGE)) {
				if (this.tasks.redrive(task.id())) {
					this.intake.publish(task);
					redriven++;
				}
			}
			if (redriven - before < PAGE) {
				return redriven;
			}
		}
	}

}

package dev.hopper.api.redrive;

import java.time.Clock;
import java.util.Optional;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;

import org.springframework.http.HttpStatus;

/**
 * A dead letter's task run again once its cause is fixed: only a FAILED task, only once per
 * dead letter. Each refusal is a problem with its own code, for the API and the console alike.
 */
public class DeadLetterRedrive {

	private final DeadLetterStore deadLetters;

	private final TaskQueries tasks;

	private final Redrive redrive;

	private final Clock clock;

	DeadLetterRedrive(DeadLetterStore deadLetters, TaskQueries tasks, Redrive redrive, Clock clock) {
		this.deadLetters = deadLetters;
		this.tasks = tasks;
		this.redrive = redrive;
		this.clock = clock;
	}

	/** Queues the dead letter's task again and marks the letter redriven; the task as it is now. */
	public Task redrive(String deadLetterId) {
		DeadLetter deadLetter = (TimeOrderedId.isWellFormed(deadLetterId) ? this.deadLetters.find(deadLetterId)
				: Optional.<DeadLetter>empty())
			.orElseThrow(() -> ApiProblem.notFound("dead_letter_not_found", "No dead letter " + deadLetterId));
		if (deadLetter.redrivenAt() != null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "already_redriven", "It was redriven at " + deadLetter.redrivenAt());
		}
		Task task = (deadLetter.taskId() == null) ? null : this.tasks.find(deadLetter.taskId()).orElse(null);
		if (task == null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "cannot_redrive",
					"The message named no task that exists (" + deadLetter.code() + "); there is nothing to run");
		}
		if (task.state() != TaskState.FAILED || !this.redrive.task(task)) {
			throw new ApiProblem(HttpStatus.CONFLICT, "task_not_failed", "Task " + task.id() + " is " + task.state());
		}
		this.deadLetters.markRedriven(deadLetterId, this.clock.instant());
		return this.tasks.find(task.id()).orElse(task);
	}

}

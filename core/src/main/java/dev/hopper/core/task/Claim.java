package dev.hopper.core.task;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a worker's attempt to claim a task.
 *
 * @param outcome what happened
 * @param task the task as stored after the attempt, when it exists
 */
public record Claim(Outcome outcome, @Nullable Task task) {

	public enum Outcome {

		/** The worker now runs the task. */
		CLAIMED,

		/** The task already reached a terminal state: the message is a duplicate. */
		ALREADY_FINISHED,

		/** The task has used all its attempts; the worker must fail it. */
		EXHAUSTED,

		/** No such task. */
		UNKNOWN

	}

}

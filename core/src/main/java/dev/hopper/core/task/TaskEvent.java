package dev.hopper.core.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step in a task's history, written in the same update as the move it records, so the
 * history never shows a move that did not happen nor misses one that did.
 *
 * @param at when it happened
 * @param what the step, in words an operator reads ({@link Step})
 * @param state the state it left the task in
 * @param workerId the worker concerned, for claims and hand-backs
 * @param error the error it recorded, for failures and retries
 */
public record TaskEvent(Instant at, Step what, TaskState state, @Nullable String workerId,
		@Nullable TaskError error) {

	/** The kinds of step a task takes. */
	public enum Step {

		/** A worker claimed it and began an attempt. */
		CLAIMED,
		/** Its job finished and its result is stored. */
		SUCCEEDED,
		/** An earlier task's result on the same content was reused. */
		REUSED,
		/** It failed for good. */
		FAILED,
		/** A client cancelled it before it ran, or its job stopped after a cancel. */
		CANCELLED,
		/** A client asked to cancel it while it ran: it stops at its next chunk. */
		CANCEL_REQUESTED,
		/** A worker shutting down handed it back without counting the attempt. */
		HANDED_BACK,
		/** A transient failure: it waits for its next attempt. */
		RETRY_SCHEDULED,
		/** Its worker went silent: the sweeper took it back. */
		ORPHAN_RELEASED,
		/** An operator or client redrove it after it failed. */
		REDRIVEN

	}

}

package dev.hopper.core.task;

/** Where a task is in its life; the allowed changes are in {@link TaskTransitions}. */
public enum TaskState {

	/** Accepted and waiting for a worker. */
	QUEUED,

	/** Claimed by a worker that holds its lease. */
	RUNNING,

	SUCCEEDED,

	FAILED,

	CANCELLED;

	public boolean isTerminal() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}

package dev.hopper.core.task;

import org.slf4j.MDC;

/**
 * A task's id in the logging context (MDC key {@value #KEY}) while it is handled, so every
 * line logged meanwhile names it: one search for the id finds the task's life in the api's
 * and every worker's log, plain or structured.
 */
public final class LoggedTask {

	public static final String KEY = "taskId";

	private LoggedTask() {
	}

	/** Until closed, log lines on this thread carry {@code taskId}. */
	public static MDC.MDCCloseable of(String taskId) {
		return MDC.putCloseable(KEY, taskId);
	}

}

package dev.hopper.core.task;

/**
 * The one place that names where clients find a task and what it made, in the public API.
 * Workers write these into results (a plan's overlay); the api serves them.
 */
public final class TaskLinks {

	private static final String TASKS = "/api/v1/tasks/";

	private static final String BATCHES = "/api/v1/batches/";

	private TaskLinks() {
	}

	public static String task(String taskId) {
		return TASKS + taskId;
	}

	public static String result(String taskId) {
		return task(taskId) + "/result";
	}

	/** The overlay a map-parse task drew over its plan. */
	public static String overlay(String taskId) {
		return task(taskId) + "/overlay";
	}

	public static String batch(String batchId) {
		return BATCHES + batchId;
	}

}

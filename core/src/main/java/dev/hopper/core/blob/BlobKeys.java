package dev.hopper.core.blob;

import dev.hopper.core.task.Task;

/** The one place that names objects in storage. */
public final class BlobKeys {

	private BlobKeys() {
	}

	/** Where the uploaded file of task {@code taskId} lives. */
	public static String upload(String taskId) {
		return "uploads/" + taskId;
	}

	/** Where artifact {@code name} of task {@code taskId} lives: any job type's larger outputs. */
	public static String artifact(String taskId, String name) {
		return "artifacts/" + taskId + "/" + name;
	}

	/** The overlay {@code task} shows: its own, or that of the task whose result it reused. */
	public static String overlayOf(Task task) {
		return overlay((task.cachedFrom() != null) ? task.cachedFrom() : task.id());
	}

	/** Where the overlay drawn for map-parse task {@code taskId} lives. */
	public static String overlay(String taskId) {
		return "overlays/" + taskId + ".png";
	}

}

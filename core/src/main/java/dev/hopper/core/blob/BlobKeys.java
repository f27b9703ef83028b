package dev.hopper.core.blob;

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

	/** Where the overlay drawn for map-parse task {@code taskId} lives. */
	public static String overlay(String taskId) {
		return "overlays/" + taskId + ".png";
	}

}

package dev.hopper.core.blob;

/** The one place that names objects in storage. */
public final class BlobKeys {

	private BlobKeys() {
	}

	/** Where the uploaded file of task {@code taskId} lives. */
	public static String upload(String taskId) {
		return "uploads/" + taskId;
	}

}

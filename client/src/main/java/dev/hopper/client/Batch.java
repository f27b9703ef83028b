package dev.hopper.client;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A batch as the API shows it: its counts, and (on upload) its task ids and refused files.
 * {@code complete} says its upload request has finished, not its tasks: the counts say what
 * is left to run, and {@code state} is final once nothing is.
 */
public record Batch(String id, String type, Task.State state, boolean complete, Counts counts, long total,
		Instant createdAt, @Nullable List<String> taskIds, @Nullable List<Task> tasks, @Nullable String nextPageToken,
		List<RefusedFile> refusedFiles) {

	/** Tasks by state, and the files refused at upload. */
	public record Counts(long queued, long running, long succeeded, long failed, long cancelled, long refused) {
	}

	/** A file the upload did not take, and why. */
	public record RefusedFile(String fileName, String code, String message) {
	}

}

package dev.hopper.client;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A task as the API shows it. */
public record Task(String id, String type, State state, Progress progress, int attempts, Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Failure error, @Nullable String resultUrl,
		@Nullable String batchId, String sha256, @Nullable String fileName, boolean cancelRequested, @Nullable Long queuePosition,
		boolean cached, @Nullable String cachedFrom, @Nullable Instant retryAt) {

	/** A task's state; the last three are final. */
	public enum State {

		QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

		public boolean isFinal() {
			return this == SUCCEEDED || this == FAILED || this == CANCELLED;
		}

	}

	/** How far a job has got, in its own units (an audio job's segments). */
	public record Progress(long done, long total, int percent) {
	}

	/** Why a task failed. */
	public record Failure(String code, String message) {
	}

}

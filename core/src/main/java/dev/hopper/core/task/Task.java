package dev.hopper.core.task;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A unit of work on one uploaded file.
 *
 * @param id time-ordered id
 * @param tenantId the tenant that owns it; no other tenant sees it
 * @param type the job that runs it
 * @param state where it is in its life
 * @param progress job progress while running
 * @param attempts how many times a worker has claimed it
 * @param upload the file it works on
 * @param params job parameters supplied by the client
 * @param createdAt when it was accepted
 * @param startedAt when a worker first claimed it
 * @param finishedAt when it reached a terminal state
 * @param heartbeatAt last sign of life from the worker running it
 * @param workerId the worker that holds (or last held) it
 * @param error why it failed, or the last transient error
 * @param published whether its message is known to be on the queue (the outbox flag)
 * @param cancelRequested a client asked to cancel it while it ran: it stops at its next chunk
 * @param cachedFrom the earlier task whose result it reused instead of running the job
 * @param batchId the batch it was uploaded in, if any
 * @param retryAt after a transient failure: when its next attempt is published
 * @param webhook where to notify the client when it finishes, and how that went
 * @param publishedAt when its message was last confirmed by the broker
 */
public record Task(String id, String tenantId, JobType type, TaskState state, Progress progress, int attempts,
		Upload upload, Map<String, Object> params, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Instant heartbeatAt, @Nullable String workerId,
		@Nullable TaskError error, Boolean published, Boolean cancelRequested, @Nullable String cachedFrom,
		@Nullable String batchId, @Nullable Instant retryAt, @Nullable Webhook webhook, @Nullable Instant publishedAt) {

	public Task {
		// JSON values may be null, which Map.copyOf refuses
		params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
		// flags are absent from documents stored before they existed: absent is false
		published = Boolean.TRUE.equals(published);
		cancelRequested = Boolean.TRUE.equals(cancelRequested);
	}

	/** A freshly accepted task whose message has not been published yet. */
	public static Task accepted(String id, String tenantId, JobType type, Upload upload, Map<String, Object> params,
			Instant now) {
		return new Task(id, tenantId, type, TaskState.QUEUED, Progress.NONE, 0, upload, params, now, null, null, null,
				null, null, false, false, null, null, null, null, null);
	}

	/** This task with {@code params} instead of its own (as a store writes or reads them). */
	public Task withParams(Map<String, Object> params) {
		return new Task(this.id, this.tenantId, this.type, this.state, this.progress, this.attempts, this.upload, params,
				this.createdAt, this.startedAt, this.finishedAt, this.heartbeatAt, this.workerId, this.error,
				this.published, this.cancelRequested, this.cachedFrom, this.batchId, this.retryAt, this.webhook,
				this.publishedAt);
	}

	/** This freshly accepted task as part of batch {@code batchId}. */
	public Task inBatch(String batchId) {
		return new Task(this.id, this.tenantId, this.type, this.state, this.progress, this.attempts, this.upload,
				this.params, this.createdAt, this.startedAt, this.finishedAt, this.heartbeatAt, this.workerId,
				this.error, this.published, this.cancelRequested, this.cachedFrom, batchId, this.retryAt, this.webhook,
				this.publishedAt);
	}

	/** This freshly accepted task, notifying {@code url} when it finishes. */
	public Task notifying(String url) {
		return new Task(this.id, this.tenantId, this.type, this.state, this.progress, this.attempts, this.upload,
				this.params, this.createdAt, this.startedAt, this.finishedAt, this.heartbeatAt, this.workerId,
				this.error, this.published, this.cancelRequested, this.cachedFrom, this.batchId, this.retryAt,
				Webhook.to(url), this.publishedAt);
	}

}

package dev.hopper.core.task;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.content.ContentKind;
import org.jspecify.annotations.Nullable;

/** Test data: {@code aQueuedTask().withAttempts(2).build()} instead of a 21-argument constructor. */
public final class TaskBuilder {

	private String id = TimeOrderedId.next(Clock.systemUTC());

	private String tenantId = "tenant-a";

	private JobType type = JobType.AUDIO_FEATURES;

	private TaskState state = TaskState.QUEUED;

	private Progress progress = Progress.NONE;

	private int attempts;

	private @Nullable Upload upload;

	private Map<String, Object> params = new HashMap<>();

	private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

	private @Nullable Instant startedAt;

	private @Nullable Instant finishedAt;

	private @Nullable Instant heartbeatAt;

	private @Nullable String workerId;

	private @Nullable TaskError error;

	private boolean published;

	private boolean cancelRequested;

	private @Nullable String batchId;

	private TaskBuilder() {
	}

	/** A task just accepted: QUEUED, no attempts, not published yet. */
	public static TaskBuilder aQueuedTask() {
		return new TaskBuilder();
	}

	/** A task a worker claimed once and runs now. */
	public static TaskBuilder aRunningTask() {
		return aQueuedTask().inState(TaskState.RUNNING).withAttempts(1).runBy("worker-1").published();
	}

	public TaskBuilder withId(String id) {
		this.id = id;
		return this;
	}

	public TaskBuilder ownedBy(String tenantId) {
		this.tenantId = tenantId;
		return this;
	}

	public TaskBuilder ofType(JobType type) {
		this.type = type;
		return this;
	}

	public TaskBuilder inState(TaskState state) {
		this.state = state;
		return this;
	}

	public TaskBuilder withAttempts(int attempts) {
		this.attempts = attempts;
		return this;
	}

	public TaskBuilder withProgress(long done, long total) {
		this.progress = new Progress(done, total);
		return this;
	}

	public TaskBuilder withUpload(Upload upload) {
		this.upload = upload;
		return this;
	}

	public TaskBuilder withParam(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	public TaskBuilder createdAt(Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	public TaskBuilder finishedAt(Instant finishedAt) {
		this.finishedAt = finishedAt;
		return this;
	}

	public TaskBuilder runBy(String workerId) {
		this.workerId = workerId;
		return this;
	}

	public TaskBuilder heartbeatAt(Instant heartbeatAt) {
		this.heartbeatAt = heartbeatAt;
		return this;
	}

	public TaskBuilder withError(String code, String message) {
		this.error = new TaskError(code, message);
		return this;
	}

	public TaskBuilder published() {
		this.published = true;
		return this;
	}

	public TaskBuilder cancelRequested() {
		this.cancelRequested = true;
		return this;
	}

	public TaskBuilder inBatch(String batchId) {
		this.batchId = batchId;
		return this;
	}

	public Task build() {
		Upload file = (this.upload != null) ? this.upload
				: new Upload(BlobKeys.upload(this.id), "0".repeat(64), 1024, ContentKind.WAV, "a.wav");
		Instant finished = (this.finishedAt != null) ? this.finishedAt
				: this.state.isTerminal() ? this.createdAt.plusSeconds(2) : null;
		Instant started = (this.startedAt != null) ? this.startedAt
				: (this.attempts > 0) ? this.createdAt.plusSeconds(1) : null;
		return new Task(this.id, this.tenantId, this.type, this.state, this.progress, this.attempts, file, this.params,
				this.createdAt, started, finished, this.heartbeatAt, this.workerId, this.error, this.published,
				this.cancelRequested, null, this.batchId, null, null, this.published ? this.createdAt : null);
	}

}

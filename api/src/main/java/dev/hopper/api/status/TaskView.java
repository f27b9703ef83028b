package dev.hopper.api.status;

import java.time.Duration;
import java.time.Instant;

import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskLinks;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * A task as clients see it: the contract of {@code GET /api/v1/tasks/{id}}.
 *
 * @param fileName the uploaded file's name as the client gave it, made safe
 * @param error why it failed or, while it is still going, the last transient error
 * @param heartbeatAgeSeconds while RUNNING: seconds since the worker last showed life
 * @param queuePosition while QUEUED: 1 + the tasks of its type accepted before it and still queued
 * @param cancelRequested a cancel was asked for while it ran; it stops at its next chunk
 * @param cached its result is an earlier run's, reused: no job ran for it
 * @param cachedFrom the task whose run it reused
 * @param retryAt while QUEUED after a transient failure: when its next attempt goes out
 */
public record TaskView(String id, String type, TaskState state, ProgressView progress, int attempts,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable TaskError error,
		@Nullable String resultUrl, @Nullable String batchId, String sha256, String fileName, boolean cancelRequested,
		@Nullable Double heartbeatAgeSeconds, @Nullable Long queuePosition, boolean cached,
		@Nullable String cachedFrom, @Nullable Instant retryAt) {

	public static String path(String taskId) {
		return TaskLinks.task(taskId);
	}

	/** The task as it is accepted, before anything about its run is known. */
	public static TaskView of(Task task) {
		return of(task, null, null);
	}

	/**
	 * The task with what is measured at the moment of asking.
	 * @param now the time, for the heartbeat age of a RUNNING task
	 * @param queuePosition for a QUEUED task
	 */
	public static TaskView of(Task task, @Nullable Instant now, @Nullable Long queuePosition) {
		String resultUrl = (task.state() == TaskState.SUCCEEDED) ? TaskLinks.result(task.id()) : null;
		Instant heartbeat = task.heartbeatAt();
		Double heartbeatAge = (task.state() == TaskState.RUNNING && now != null && heartbeat != null)
				? Math.max(0, Duration.between(heartbeat, now).toMillis() / 1000.0) : null;
		return new TaskView(task.id(), task.type().wireName(), task.state(), ProgressView.of(task.progress()),
				task.attempts(), task.createdAt(), task.startedAt(), task.finishedAt(), task.error(), resultUrl, task.batchId(),
				task.upload().sha256(), task.upload().fileName(), task.cancelRequested(), heartbeatAge,
				(task.state() == TaskState.QUEUED) ? queuePosition : null, task.cachedFrom() != null,
				task.cachedFrom(), (task.state() == TaskState.QUEUED) ? task.retryAt() : null);
	}

	/** Progress with its percentage spelled out. */
	public record ProgressView(long done, long total, int percent) {

		static ProgressView of(Progress progress) {
			return new ProgressView(progress.done(), progress.total(), progress.percent());
		}

	}

}

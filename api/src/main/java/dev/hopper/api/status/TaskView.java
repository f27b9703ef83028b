package dev.hopper.api.status;

import java.time.Instant;

import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

/** A task as clients see it: the contract of {@code GET /api/v1/tasks/{id}}. */
public record TaskView(String id, String type, TaskState state, ProgressView progress, int attempts,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable TaskError error,
		@Nullable String resultUrl, @Nullable String batchId, String sha256, boolean cancelRequested) {

	public static String path(String taskId) {
		return "/api/v1/tasks/" + taskId;
	}

	public static TaskView of(Task task) {
		String resultUrl = (task.state() == TaskState.SUCCEEDED) ? path(task.id()) + "/result" : null;
		return new TaskView(task.id(), task.type().wireName(), task.state(), ProgressView.of(task.progress()),
				task.attempts(), task.createdAt(), task.startedAt(), task.finishedAt(), task.error(), resultUrl, null,
				task.upload().sha256(), task.cancelRequested());
	}

	/** Progress with its percentage spelled out. */
	public record ProgressView(long done, long total, int percent) {

		static ProgressView of(Progress progress) {
			return new ProgressView(progress.done(), progress.total(), progress.percent());
		}

	}

}

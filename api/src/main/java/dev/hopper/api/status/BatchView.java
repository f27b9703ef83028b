package dev.hopper.api.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.hopper.core.task.Batch;
import dev.hopper.core.task.TaskLinks;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * A batch as clients see it: the contract of {@code POST} and {@code GET /api/v1/batches}.
 *
 * @param state QUEUED while all its tasks wait; RUNNING while any is unfinished and some
 * started or finished; once all are finished, FAILED if any failed (or every file was
 * refused), else SUCCEEDED if any succeeded, else CANCELLED
 * @param complete whether its upload request has finished
 * @param counts tasks per state, and files refused at intake
 * @param total files in the batch: its tasks plus its refused files
 * @param taskIds (answer to the upload) the tasks it created, in upload order
 * @param tasks (status) one page of its tasks, in upload order
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last
 * @param refusedFiles files refused at intake, with why
 */
public record BatchView(String id, String type, TaskState state, boolean complete, Counts counts, long total,
		Instant createdAt, @Nullable List<String> taskIds, @Nullable List<TaskView> tasks,
		@Nullable String nextPageToken, List<Batch.RefusedFile> refusedFiles) {

	public static String path(String batchId) {
		return TaskLinks.batch(batchId);
	}

	/** The answer to the upload: every task just queued. */
	public static BatchView accepted(Batch batch, List<String> taskIds) {
		Counts counts = Counts.of(Map.of(TaskState.QUEUED, (long) taskIds.size()), batch.refused().size());
		return new BatchView(batch.id(), batch.type().wireName(), counts.state(batch.complete()), batch.complete(), counts,
				counts.total(), batch.createdAt(), List.copyOf(taskIds), null, null, batch.refused());
	}

	public static BatchView of(Batch batch, Map<TaskState, Long> byState, List<TaskView> page, @Nullable String nextPageToken) {
		Counts counts = Counts.of(byState, batch.refused().size());
		return new BatchView(batch.id(), batch.type().wireName(), counts.state(batch.complete()), batch.complete(), counts,
				counts.total(), batch.createdAt(), null, page, nextPageToken, batch.refused());
	}

	/** Tasks per state, and files refused at intake. */
	public record Counts(long queued, long running, long succeeded, long failed, long cancelled, long refused) {

		static Counts of(Map<TaskState, Long> byState, long refused) {
			return new Counts(byState.getOrDefault(TaskState.QUEUED, 0L), byState.getOrDefault(TaskState.RUNNING, 0L),
					byState.getOrDefault(TaskState.SUCCEEDED, 0L), byState.getOrDefault(TaskState.FAILED, 0L),
					byState.getOrDefault(TaskState.CANCELLED, 0L), refused);
		}

		long total() {
			return this.queued + this.running + this.succeeded + this.failed + this.cancelled + this.refused;
		}

		/** While files may still come ({@code complete} false), a batch never reads as finished. */
		TaskState state(boolean complete) {
			long tasks = this.queued + this.running + this.succeeded + this.failed + this.cancelled;
			long finished = this.succeeded + this.failed + this.cancelled;
			if (!complete && tasks == 0) {
				return TaskState.QUEUED;
			}
			if (!complete && finished == tasks) {
				return TaskState.RUNNING;
			}
			if (tasks == this.queued && tasks > 0) {
				return TaskState.QUEUED;
			}
			if (finished < tasks) {
				return TaskState.RUNNING;
			}
			if (this.failed > 0 || tasks == 0) {
				return TaskState.FAILED;
			}
			return (this.succeeded > 0) ? TaskState.SUCCEEDED : TaskState.CANCELLED;
		}

	}

}

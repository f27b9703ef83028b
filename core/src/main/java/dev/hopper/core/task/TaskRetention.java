package dev.hopper.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port for retention: finished tasks past their time to live, and the removal of their
 * records. Blobs and job metadata are the caller's to remove first, so a purge cut short
 * leaves the task to be found and purged again.
 */
public interface TaskRetention {

	/** Finished tasks in {@code scope} that finished before {@code before}, oldest first, at most {@code limit}. */
	List<Task> findFinishedBefore(RetentionScope scope, Instant before, int limit);

	/**
	 * Removes the task, its result, the result-cache entries that point at it and the
	 * idempotency keys that name it, and keeps an {@link ExpiredTask} in its place.
	 *
	 * @return false when the task was no longer there
	 */
	boolean expire(Task task, Instant now);

	Optional<ExpiredTask> findExpired(String id);

	/** Whether another task runs on the same uploaded file (a new analysis of a stored file). */
	boolean uploadShared(Task task);

	/** Whether another task reused this task's result, and so shows its artifacts. */
	boolean resultReused(Task task);

	/** Removes {@code scope}'s complete batches created before {@code before} none of whose tasks is left. */
	int purgeBatches(RetentionScope scope, Instant before, int limit);

	/** Removes what is kept of tasks that expired before {@code before}. */
	int purgeExpired(Instant before, int limit);

}

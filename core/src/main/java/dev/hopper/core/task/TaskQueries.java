package dev.hopper.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Port for reading tasks: status, queue positions, batch counts, orphans. Reads change nothing. */
public interface TaskQueries {

	Optional<Task> find(String id);

	/** The task's latest steps, oldest first (empty for a task that has not moved, or is not there). */
	List<TaskEvent> history(String id);

	/** RUNNING tasks with no heartbeat since {@code before}: orphans, if no worker holds their lease. */
	List<Task> findSilentRunning(Instant before, int limit);

	/** Tasks of {@code type} that finished (any way) since {@code since}: the drain rate. */
	long countFinishedSince(JobType type, Instant since);

	/** QUEUED tasks of {@code type} whose message was confirmed before {@code before} (and not since). */
	List<Task> findQueuedPublishedBefore(JobType type, Instant before, int limit);

	/** How many QUEUED tasks of the same type were accepted before {@code task}. */
	long queuedAhead(Task task);

	/** How many of the batch's tasks are in each state (states with none are left out). */
	Map<TaskState, Long> countByState(String batchId);

	/** The batch's tasks in id order, after {@code afterId} (null: from the first), at most {@code limit}. */
	List<Task> findInBatch(String batchId, @Nullable String afterId, int limit);

	/** The batch's FAILED tasks, at most {@code limit}. */
	List<Task> findFailedInBatch(String batchId, int limit);

	/** The tenant's most recent task on a file with this content, to run more work on it. */
	Optional<Task> findLatestByContent(String tenantId, String sha256);

	/**
	 * The tasks {@code filter} shows, newest first, older than {@code beforeId} (null: from
	 * the newest), at most {@code limit}. Ids grow with time, so a page never shifts while
	 * newer tasks arrive.
	 */
	List<Task> search(TaskFilter filter, @Nullable String beforeId, int limit);

	/** Every tenant's waiting and running tasks now, and arrivals and finishes per minute since {@code since}. */
	TaskCensus census(Instant since);

	/** How many tasks {@code filter} shows, counting no further than {@code cap}. */
	long count(TaskFilter filter, long cap);

}

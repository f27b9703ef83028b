package dev.hopper.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Port for task records. Every state change is a conditional update whose source states
 * come from {@link TaskTransitions}, so it is atomic on a single document and needs no
 * multi-document transaction.
 */
public interface TaskStore {

	void insert(Task task);

	Optional<Task> find(String id);

	/**
	 * Moves a QUEUED (or lease-expired RUNNING) task to RUNNING for {@code workerId} and
	 * counts the attempt, unless it is finished or has used {@code maxAttempts}.
	 */
	Claim claim(String id, String workerId, int maxAttempts);

	/** Records progress and a heartbeat, only while the task is RUNNING. */
	void reportProgress(String id, Progress progress);

	/** Records a sign of life from the worker running the task, only while it is RUNNING. */
	void heartbeat(String id);

	/** RUNNING → SUCCEEDED; false when the task was not running (already finished). */
	boolean succeed(String id);

	/** RUNNING → SUCCEEDED with the result of {@code originTaskId}, reused; false when not running. */
	boolean succeedFromCache(String id, String originTaskId);

	/** Any non-terminal state → FAILED with {@code error}; false when already terminal. */
	boolean fail(String id, TaskError error);

	/**
	 * A client's cancel: QUEUED → CANCELLED at once; a RUNNING task is marked, and its job
	 * stops at the next chunk boundary. Finished tasks are left as they are.
	 *
	 * @return the task after the change, or empty if there is none
	 */
	Optional<Task> cancel(String id);

	/** Whether a cancel was asked for while the task ran, or the task is finished anyway. */
	boolean shouldStop(String id);

	/** RUNNING → CANCELLED once its job has stopped; false when it was not running. */
	boolean cancelled(String id);

	/** RUNNING → QUEUED by a worker shutting down: the attempt is not counted against the task. */
	boolean handBack(String id);

	/**
	 * RUNNING → QUEUED after a transient failure, keeping {@code error} as the last one. Its
	 * message is not sent now: the task is unpublished until {@code retryAt}, and then the
	 * outbox relay publishes it (a durable delay, with no thread waiting).
	 */
	boolean requeue(String id, TaskError error, Instant retryAt);

	/**
	 * RUNNING → QUEUED for a task whose worker died: only while {@code workerId} still has it
	 * and its last heartbeat is before {@code silentSince}, so a worker that took it over in
	 * the meantime keeps it. The attempt stays counted (a task that kills its worker must
	 * not loop forever); the task is left unpublished for the caller or the outbox to send.
	 */
	boolean releaseOrphan(String id, String workerId, Instant silentSince, TaskError error);

	/** RUNNING tasks with no heartbeat since {@code before}: orphans, if no worker holds their lease. */
	List<Task> findSilentRunning(Instant before, int limit);

	/** Tasks of {@code type} that finished (any way) since {@code since}: the drain rate. */
	long countFinishedSince(JobType type, Instant since);

	/** QUEUED tasks of {@code type} whose message was confirmed before {@code before} (and not since). */
	List<Task> findQueuedPublishedBefore(JobType type, Instant before, int limit);

	/** How many QUEUED tasks of the same type were accepted before {@code task}. */
	long queuedAhead(Task task);

	/** How many of the batch's tasks are in each state (states with none are left out). */
	java.util.Map<TaskState, Long> countByState(String batchId);

	/** The batch's tasks in id order, after {@code afterId} (null: from the first), at most {@code limit}. */
	List<Task> findInBatch(String batchId, @Nullable String afterId, int limit);

	/** The batch's FAILED tasks, at most {@code limit}. */
	List<Task> findFailedInBatch(String batchId, int limit);

	/**
	 * FAILED → QUEUED for another round of attempts (counting from zero), not yet
	 * published: the outbox then publishes it. False when it was not FAILED.
	 */
	boolean redrive(String id);

	/** The tenant's most recent task on a file with this content, to run more work on it. */
	Optional<Task> findLatestByContent(String tenantId, String sha256);

	/**
	 * Takes the next finished task whose webhook is due, leasing its delivery until
	 * {@code leaseUntil} (so one replica delivers it) and counting the attempt.
	 */
	Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts);

	/** Its webhook delivery was accepted by the client. */
	void webhookDelivered(String id, Instant at);

	/** Its webhook delivery failed; the next try is due at {@code nextAt}. */
	void webhookFailed(String id, String error, Instant nextAt);

	/** The outbox: its message is confirmed by the broker. */
	void markPublished(String id);

	/** Tasks accepted at least {@code age} ago whose message is not confirmed yet, and whose retry time (if any) has come. */
	List<Task> findUnpublished(Duration age, int limit);

}

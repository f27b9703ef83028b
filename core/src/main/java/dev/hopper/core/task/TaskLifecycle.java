package dev.hopper.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Port for a task's life: its birth and every move between states. Each move is a
 * conditional update whose source states come from {@link TaskTransitions}, so it is atomic
 * on a single document and needs no multi-document transaction. Every change is announced
 * to waiting clients ({@link AnnouncingTaskLifecycle}).
 */
public interface TaskLifecycle {

	void insert(Task task);

	/** Inserts them all at once (a batch's files): one round trip where the store allows. */
	default void insertAll(List<Task> tasks) {
		tasks.forEach(this::insert);
	}

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
	default boolean succeed(String id) {
		return succeed(id, null);
	}

	/** As {@link #succeed(String)}, recording the job's last progress when it was not written yet. */
	boolean succeed(String id, @Nullable Progress progress);

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

	/**
	 * FAILED → QUEUED for another round of attempts (counting from zero), not yet
	 * published: the outbox then publishes it. False when it was not FAILED.
	 */
	boolean redrive(String id);

}

package dev.hopper.api.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.QueueDepth;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;
import org.jspecify.annotations.Nullable;

/**
 * Each job type's queue as operators and autoscalers need it: the broker's counts, the
 * store's (running, oldest wait, arrivals and finishes), dead letters, the workers that
 * consume it, and the workers it would take to clear it.
 */
public class QueueReport {

	/** Counts stop here: a busier queue reads "at least". */
	static final long COUNT_CAP = 1_000_000;

	/** Tasks a worker runs at once, for the scaling signal when no worker is live to say. */
	private static final int DEFAULT_CONCURRENCY = 2;

	private final JobTypes types;

	private final WorkQueue queue;

	private final TaskQueries tasks;

	private final DeadLetterStore deadLetters;

	private final WorkerRegistry workers;

	private final Clock clock;

	public QueueReport(JobTypes types, WorkQueue queue, TaskQueries tasks, DeadLetterStore deadLetters,
			WorkerRegistry workers, Clock clock) {
		this.types = types;
		this.queue = queue;
		this.tasks = tasks;
		this.deadLetters = deadLetters;
		this.workers = workers;
		this.clock = clock;
	}

	/** Every registered type's queue, now, stamped with the time it was read. */
	public Snapshot snapshot() {
		Instant asOf = this.clock.instant();
		return new Snapshot(asOf, all());
	}

	/** Every registered type's queue, now. */
	public List<QueueView> all() {
		Instant now = this.clock.instant();
		List<WorkerStatus> live = this.workers.all().stream().filter((worker) -> !worker.isLost(now)).toList();
		return this.types.all().stream().map((type) -> of(type, now, live)).toList();
	}

	private QueueView of(JobType type, Instant now, List<WorkerStatus> live) {
		QueueDepth depth = depth(type);
		long running = this.tasks.count(filter(type, Set.of(TaskState.RUNNING), null), COUNT_CAP);
		Double oldestWait = this.tasks.oldestQueued(type)
			.map((task) -> Duration.between(task.createdAt(), now).toMillis() / 1000.0)
			.orElse(null);
		List<WorkerStatus> consumers = live.stream().filter((worker) -> worker.jobTypes().contains(type.wireName()))
			.toList();
		int capacity = consumers.stream().mapToInt(WorkerStatus::concurrency).sum();
		int perWorker = consumers.stream().mapToInt(WorkerStatus::concurrency).max().orElse(DEFAULT_CONCURRENCY);
		long waiting = (depth != null) ? depth.ready() : 0;
		return new QueueView(type.wireName(), (depth != null) ? depth.ready() : null,
				(depth != null) ? depth.consumers() : null, running, running, oldestWait,
				new Rate(arrived(type, now, 1), arrived(type, now, 5) / 5.0),
				new Rate(finished(type, now, 1), finished(type, now, 5) / 5.0),
				this.deadLetters.countPending(type), consumers.size(), capacity,
				(int) Math.ceil((waiting + running) / (double) perWorker));
	}

	private @Nullable QueueDepth depth(JobType type) {
		try {
			return this.queue.inspect(type);
		}
		catch (HopperFailure ex) {
			// the broker is away: the store's figures still stand
			return null;
		}
	}

	private double arrived(JobType type, Instant now, int minutes) {
		return this.tasks.count(filter(type, Set.of(), now.minus(Duration.ofMinutes(minutes))), COUNT_CAP);
	}

	private double finished(JobType type, Instant now, int minutes) {
		return this.tasks.countFinishedSince(type, now.minus(Duration.ofMinutes(minutes)));
	}

	private static TaskFilter filter(JobType type, Set<TaskState> states, @Nullable Instant after) {
		return new TaskFilter(null, states, type, null, null, null, null, after, null);
	}

	/**
	 * One job type's queue.
	 *
	 * @param ready messages waiting on the broker; null while it cannot be asked
	 * @param consumers consumers the broker counts; null while it cannot be asked
	 * @param unacknowledged messages handed to a worker and not yet done with (each running task holds one)
	 * @param running tasks RUNNING now
	 * @param oldestWaitSeconds how long the task that has waited longest has waited; null with none waiting
	 * @param arrivedPerMinute tasks accepted: in the last minute, and per minute over the last five
	 * @param finishedPerMinute tasks that finished, likewise
	 * @param deadLetters dead letters waiting for an operator
	 * @param liveWorkers worker processes consuming it that beat lately
	 * @param capacity tasks those workers can run at once
	 * @param desiredWorkers the scaling signal: workers that would run everything waiting and running at once
	 */
	public record QueueView(String type, @Nullable Long ready, @Nullable Integer consumers, long unacknowledged,
			long running, @Nullable Double oldestWaitSeconds, Rate arrivedPerMinute, Rate finishedPerMinute,
			long deadLetters, int liveWorkers, int capacity, int desiredWorkers) {
	}

	/**
	 * The queues as read at one moment.
	 *
	 * @param asOf when they were read: a page shows it, so a stale figure says so
	 * @param queues each registered type's queue
	 */
	public record Snapshot(Instant asOf, List<QueueView> queues) {
	}

	/**
	 * @param lastMinute in the last minute
	 * @param lastFiveMinutes per minute, over the last five
	 */
	public record Rate(double lastMinute, double lastFiveMinutes) {
	}

}

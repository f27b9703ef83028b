package dev.hopper.api.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.function.ToLongFunction;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.QueueDepth;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskCensus;
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

	/** How far back the census counts arrivals and finishes: the overview's chart. */
	public static final Duration CENSUS_WINDOW = Duration.ofHours(1);

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

	/** Every registered type's queue, now, stamped with the time it was read, and the census it came from. */
	public Snapshot snapshot() {
		Instant now = this.clock.instant();
		TaskCensus census = this.tasks.census(now.truncatedTo(ChronoUnit.MINUTES).minus(CENSUS_WINDOW));
		List<WorkerStatus> live = this.workers.all().stream().filter((worker) -> !worker.isLost(now)).toList();
		List<QueueView> queues = this.types.all().stream().map((type) -> of(type, census, now, live)).toList();
		return new Snapshot(now, queues, census);
	}

	private QueueView of(JobType type, TaskCensus census, Instant now, List<WorkerStatus> live) {
		QueueDepth depth = depth(type);
		long running = census.live().stream()
			.filter((row) -> row.type().equals(type) && row.state() == TaskState.RUNNING)
			.mapToLong(TaskCensus.Live::count)
			.sum();
		Double oldestWait = census.live().stream()
			.filter((row) -> row.type().equals(type) && row.state() == TaskState.QUEUED && row.oldestCreatedAt() != null)
			.map(TaskCensus.Live::oldestCreatedAt)
			.min(Instant::compareTo)
			.map((oldest) -> Duration.between(oldest, now).toMillis() / 1000.0)
			.orElse(null);
		List<WorkerStatus> consumers = live.stream().filter((worker) -> worker.jobTypes().contains(type.wireName()))
			.toList();
		int capacity = consumers.stream().mapToInt(WorkerStatus::concurrency).sum();
		int perWorker = consumers.stream().mapToInt(WorkerStatus::concurrency).max().orElse(DEFAULT_CONCURRENCY);
		long waiting = (depth != null) ? depth.ready() : 0;
		Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
		return new QueueView(type.wireName(), (depth != null) ? depth.ready() : null,
				(depth != null) ? depth.consumers() : null, running, running, oldestWait,
				rate(census, type, thisMinute, TaskCensus.Minute::arrived),
				rate(census, type, thisMinute, TaskCensus.Minute::finished), this.deadLetters.countPending(type),
				consumers.size(), capacity, (int) Math.ceil((waiting + running) / (double) perWorker));
	}

	/**
	 * The last minute is the last whole one, so it does not dip each time a minute starts;
	 * the five minutes are this one so far and the four before, so a finish shows at once.
	 */
	private static Rate rate(TaskCensus census, JobType type, Instant thisMinute,
			ToLongFunction<TaskCensus.Minute> count) {
		Instant lastMinute = thisMinute.minus(Duration.ofMinutes(1));
		Instant fiveFrom = thisMinute.minus(Duration.ofMinutes(4));
		long last = 0;
		long five = 0;
		for (TaskCensus.Minute minute : census.minutes()) {
			if (minute.type().equals(type)) {
				last += minute.minute().equals(lastMinute) ? count.applyAsLong(minute) : 0;
				five += minute.minute().isBefore(fiveFrom) ? 0 : count.applyAsLong(minute);
			}
		}
		return new Rate(last, five / 5.0);
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

	/**
	 * One job type's queue.
	 *
	 * @param ready messages waiting on the broker; null while it cannot be asked
	 * @param consumers consumers the broker counts; null while it cannot be asked
	 * @param unacknowledged messages handed to a worker and not yet done with (each running task holds one)
	 * @param running tasks RUNNING now
	 * @param oldestWaitSeconds how long the task that has waited longest has waited; null with none waiting
	 * @param arrivedPerMinute tasks accepted: in the last whole minute, and per minute over the last five
	 * (this one so far and the four before)
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
	 * @param census the tasks counted then, per tenant, over the last hour: the console's overview reads it
	 */
	public record Snapshot(Instant asOf, List<QueueView> queues, TaskCensus census) {
	}

	/**
	 * @param lastMinute in the last minute
	 * @param lastFiveMinutes per minute, over the last five
	 */
	public record Rate(double lastMinute, double lastFiveMinutes) {
	}

}

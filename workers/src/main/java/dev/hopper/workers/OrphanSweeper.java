package dev.hopper.workers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds tasks nobody will work on unless they are handed back. RUNNING tasks whose worker
 * died (no heartbeat for longer than a lease lives, and no lease held) go back to QUEUED,
 * with {@code worker_lost} as their last error, and their message is published again; the
 * worker that takes it claims the task, and
 * {@link TaskJobLauncher} recovers the stale execution and restarts it from its last
 * committed chunk. QUEUED tasks whose message was lost get it again too. One sweeper is
 * active across all replicas: the one holding the sweeper's own lease.
 */
class OrphanSweeper implements AutoCloseable {

	static final String SWEEPER_LEASE = "sweeper";

	static final String WORKER_LOST = "worker_lost";

	private static final Logger logger = LoggerFactory.getLogger(OrphanSweeper.class);

	private static final int BATCH = 100;

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final LeaseRegistry leases;

	private final WorkQueue queue;

	private final TaskPublisher publisher;

	private final JobTypes types;

	private final TaskMetrics metrics;

	private final WorkerProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hopper-orphan-sweeper");
		thread.setDaemon(true);
		return thread;
	});

	OrphanSweeper(TaskQueries tasks, TaskLifecycle lifecycle, LeaseRegistry leases, WorkQueue queue,
			TaskPublisher publisher, JobTypes types,
			TaskMetrics metrics,
			WorkerProperties properties, Clock clock) {
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.leases = leases;
		this.queue = queue;
		this.publisher = publisher;
		this.types = types;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	void start() {
		long interval = this.properties.sweepInterval().toMillis();
		this.schedule.scheduleWithFixedDelay(this::sweepQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** One sweep, if this worker is the active sweeper; the number of orphans handed back. */
	int sweep() {
		if (!this.leases.keep(SWEEPER_LEASE, this.properties.id(), this.properties.sweepInterval().multipliedBy(3))) {
			return 0;
		}
		Instant silentSince = this.clock.instant().minus(this.properties.leaseTtl());
		int requeued = 0;
		for (Task task : this.tasks.findSilentRunning(silentSince, BATCH)) {
			// a worker holding the lease is alive (a long pause, say): leave it the task
			if (this.leases.holder(task.id()).isPresent() || !this.lifecycle.releaseOrphan(task.id(), task.workerId(),
					silentSince, new TaskError(WORKER_LOST, "Its worker stopped answering; it was queued again"))) {
				continue;
			}
			// QUEUED again, so its status is honest while it waits its turn; if this publish
			// fails, the outbox relay sends it
			this.publisher.publish(task);
			this.metrics.orphanRequeued(task.type());
			logger.info("Task {} was RUNNING on {} with no heartbeat since {}; handed back to the queue", task.id(),
					task.workerId(), task.heartbeatAt());
			requeued++;
		}
		return requeued + republishLostMessages();
	}

	/**
	 * A QUEUED task whose message the broker confirmed long ago, while its queue holds no
	 * message at all, lost its message (a broker crash, a purge): publish it again. A
	 * duplicate is harmless; the claim decides.
	 */
	private int republishLostMessages() {
		int republished = 0;
		Instant confirmedBefore = this.clock.instant().minus(this.properties.lostMessageAfter());
		for (JobType type : this.types.all()) {
			List<Task> stale = this.tasks.findQueuedPublishedBefore(type, confirmedBefore, BATCH);
			if (stale.isEmpty() || this.queue.depth(type) > 0) {
				continue;
			}
			for (Task task : stale) {
				if (!this.publisher.publish(task)) {
					return republished;
				}
				this.metrics.orphanRequeued(task.type());
				logger.info("Task {} was QUEUED with no message left on its queue; published again", task.id());
				republished++;
			}
		}
		return republished;
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			logger.warn("The orphan sweep failed; the next one will try again: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.schedule.shutdownNow();
	}

}

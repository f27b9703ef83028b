package dev.hopper.core.queue;

import java.time.Duration;

import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes tasks whose message was never confirmed (the broker was down, or a process died
 * between the database write and the publish) and tasks whose retry time has come. Every
 * api and worker process runs one, so retries go out while no api runs; one at a time is
 * active, the holder of the relay's lease. A message published twice is harmless: workers
 * claim tasks conditionally.
 */
public final class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 100;

	private final TaskOutbox tasks;

	private final TaskPublisher publisher;

	private final LeaseRegistry leases;

	private final String lease;

	private final String owner;

	private final Duration delay;

	private final Duration leaseHold;

	/**
	 * @param lease the relay's lease: one per deployment
	 * @param owner this process, as the lease names it
	 * @param delay how long a task may stay unpublished before the relay sends it
	 * @param interval how often {@link #relay()} runs; the lease outlives three of them
	 */
	public OutboxRelay(TaskOutbox tasks, TaskPublisher publisher, LeaseRegistry leases, String lease,
			String owner, Duration delay, Duration interval) {
		this.tasks = tasks;
		this.publisher = publisher;
		this.leases = leases;
		this.lease = lease;
		this.owner = owner;
		this.delay = delay;
		this.leaseHold = interval.multipliedBy(3);
	}

	/** One pass, if this process holds the relay's lease; the number of tasks published. */
	public int relay() {
		if (!this.leases.keep(this.lease, this.owner, this.leaseHold)) {
			return 0;
		}
		int published = 0;
		for (Task task : this.tasks.findUnpublished(this.delay, BATCH)) {
			if (!this.publisher.publish(task)) {
				// the broker is away: the next pass tries again
				return published;
			}
			logger.info("Outbox relay published task {}", task.id());
			published++;
		}
		return published;
	}

	/** Gives up the lease, so another process takes over at once. */
	public void stop() {
		this.leases.release(this.lease, this.owner);
	}

}

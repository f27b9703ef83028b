package dev.hopper.workers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.task.TaskLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this worker's task leases and renews them on a schedule while their jobs run, each
 * renewal also a heartbeat on the task. If the worker dies, renewals stop and the leases
 * expire: that is how others find orphans.
 */
class LeaseKeeper implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final LeaseRegistry leases;

	private final TaskLifecycle tasks;

	private final WorkerProperties properties;

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hopper-lease-renewer");
		thread.setDaemon(true);
		return thread;
	});

	LeaseKeeper(LeaseRegistry leases, TaskLifecycle tasks, WorkerProperties properties) {
		this.leases = leases;
		this.tasks = tasks;
		this.properties = properties;
		long interval = properties.leaseRenewInterval().toMillis();
		this.renewer.scheduleWithFixedDelay(this::renewAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** Takes the lease on {@code taskId}; false when another worker holds it. */
	boolean acquire(String taskId) {
		if (!this.leases.acquire(taskId, this.properties.id(), this.properties.leaseTtl())) {
			return false;
		}
		this.held.add(taskId);
		return true;
	}

	/** The tasks whose leases this worker holds: the tasks it runs now. */
	Set<String> held() {
		return Set.copyOf(this.held);
	}

	void release(String taskId) {
		this.held.remove(taskId);
		this.leases.release(taskId, this.properties.id());
	}

	private void renewAll() {
		for (String taskId : this.held) {
			try {
				if (this.leases.renew(taskId, this.properties.id(), this.properties.leaseTtl())) {
					this.tasks.heartbeat(taskId);
				}
				else {
					logger.warn("Lost the lease on task {}; another worker may take it over", taskId);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease on task {}: {}", taskId, ex.getMessage());
			}
		}
	}

	@Override
	public void close() {
		this.renewer.shutdownNow();
	}

}

package dev.hopper.workers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Announces this worker in the registry every lease renewal: who it is, what it consumes
 * and what it runs now. A worker that stops cleanly leaves; one that dies is shown lost
 * after three missed beats and goes after {@code hopper.worker.registry-keep}.
 */
class WorkerBeat implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WorkerBeat.class);

	private final WorkerRegistry registry;

	private final LeaseKeeper leases;

	private final TaskListeners listeners;

	private final WorkerProperties properties;

	private final Clock clock;

	private final Instant startedAt;

	private final String host = hostName();

	private volatile @Nullable ScheduledExecutorService schedule;

	WorkerBeat(WorkerRegistry registry, LeaseKeeper leases, TaskListeners listeners, WorkerProperties properties,
			Clock clock) {
		this.registry = registry;
		this.leases = leases;
		this.listeners = listeners;
		this.properties = properties;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/** This worker as it is now. */
	WorkerStatus status() {
		String version = WorkerBeat.class.getPackage().getImplementationVersion();
		return new WorkerStatus(this.properties.id(), this.host, ProcessHandle.current().pid(),
				(version != null) ? version : "development", this.listeners.jobTypes(), this.properties.concurrency(),
				this.startedAt, this.clock.instant(), this.properties.leaseRenewInterval(),
				List.copyOf(this.leases.held()));
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "hopper-worker-beat");
			thread.setDaemon(true);
			return thread;
		});
		this.schedule = started;
		long interval = this.properties.leaseRenewInterval().toMillis();
		started.scheduleWithFixedDelay(this::beat, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.schedule;
		this.schedule = null;
		if (running != null) {
			running.shutdownNow();
			try {
				this.registry.leave(this.properties.id());
			}
			catch (RuntimeException ex) {
				logger.debug("Could not leave the worker registry; the entry expires: {}", ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

	private void beat() {
		try {
			this.registry.beat(status(), this.properties.registryKeep());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not announce this worker; the next beat tries again: {}", ex.getMessage());
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}

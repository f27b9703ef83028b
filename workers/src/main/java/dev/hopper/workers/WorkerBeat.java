package dev.hopper.workers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;

/**
 * Announces this worker in the registry every lease renewal: who it is, what it consumes
 * and what it runs now. A worker that stops cleanly leaves; one that dies is shown lost
 * after three missed beats and goes after {@code hopper.worker.registry-keep}.
 */
class WorkerBeat {

	private final WorkerRegistry registry;

	private final LeaseKeeper leases;

	private final TaskListeners listeners;

	private final WorkerProperties properties;

	private final Clock clock;

	private final Instant startedAt;

	private final String host = hostName();

	WorkerBeat(WorkerRegistry registry, LeaseKeeper leases, TaskListeners listeners, WorkerProperties properties,
			Clock clock) {
		this.registry = registry;
		this.leases = leases;
		this.listeners = listeners;
		this.properties = properties;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	/** This worker leaves the registry: it stops cleanly. */
	void leave() {
		this.registry.leave(this.properties.id());
	}

	/** This worker as it is now. */
	WorkerStatus status() {
		String version = WorkerBeat.class.getPackage().getImplementationVersion();
		return new WorkerStatus(this.properties.id(), this.host, ProcessHandle.current().pid(),
				(version != null) ? version : "development", this.listeners.jobTypes(), this.properties.concurrency(),
				this.startedAt, this.clock.instant(), this.properties.leaseRenewInterval(),
				List.copyOf(this.leases.held()));
	}

	/** Announces this worker as it is now, kept {@code hopper.worker.registry-keep}. */
	void beat() {
		this.registry.beat(status(), this.properties.registryKeep());
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

package dev.hopper.workers;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.hopper.core.task.JobType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Worker settings.
 *
 * @param id this worker's identity in leases and task records; generated when unset
 * @param concurrency tasks this worker runs at once (consumer threads)
 * @param maxAttempts claims a task gets before it fails as exhausted
 * @param leaseTtl how long a lease outlives its worker's last renewal
 * @param leaseRenewInterval how often a running worker renews its leases (each renewal is a heartbeat)
 * @param sweepInterval how often the one active sweeper looks for orphaned RUNNING tasks
 * @param shutdownTimeout how long shutdown waits for running jobs to reach a chunk boundary
 * @param retryBackoff delay before the second attempt after a transient failure; it
 * doubles with each further attempt (with jitter), up to {@code retryBackoffMax}
 * @param retryBackoffMax the longest delay between attempts
 * @param lostMessageAfter a QUEUED task whose message was confirmed this long ago, while its
 * queue is empty, lost its message: the sweeper publishes it again
 * @param registryKeep how long a worker that stopped beating stays listed (as lost)
 * @param resumableFrom uploads this large or larger keep their job's progress in the job
 * repository, so a run cut short resumes from its last chunk; a smaller one's job is recorded in
 * memory only and runs again from its start (0: every job is resumable)
 * @param types the job types this worker consumes, by wire name (empty: every type it has a
 * job for), so each type can have a pool of its own, scaled on its own signal
 */
@ConfigurationProperties("hopper.worker")
public record WorkerProperties(String id, int concurrency, int maxAttempts, Duration leaseTtl,
		Duration leaseRenewInterval, Duration sweepInterval, Duration shutdownTimeout, Duration retryBackoff,
		Duration retryBackoffMax, Duration lostMessageAfter, Duration registryKeep, DataSize resumableFrom,
		List<String> types) {

	/** Whether a job run on an upload of this size keeps its progress in the job repository. */
	public boolean resumable(long uploadBytes) {
		return uploadBytes >= this.resumableFrom.toBytes();
	}

	/** Whether this worker consumes {@code type}'s queue (given it has a job for it). */
	public boolean consumes(JobType type) {
		return this.types.isEmpty() || this.types.contains(type.wireName());
	}

	/** The delay before attempt {@code attempt + 1}: exponential, capped, with ±20 % jitter. */
	public Duration retryDelay(int attempt, double jitter) {
		double base = this.retryBackoff.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
		double capped = Math.min(base, this.retryBackoffMax.toMillis());
		return Duration.ofMillis(Math.round(capped * (0.8 + 0.4 * jitter)));
	}

	public WorkerProperties {
		id = (id != null && !id.isBlank()) ? id
				: ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
		concurrency = (concurrency > 0) ? concurrency : 2;
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 3;
		leaseTtl = (leaseTtl != null) ? leaseTtl : Duration.ofSeconds(30);
		leaseRenewInterval = (leaseRenewInterval != null) ? leaseRenewInterval : Duration.ofSeconds(10);
		sweepInterval = (sweepInterval != null) ? sweepInterval : Duration.ofSeconds(15);
		shutdownTimeout = (shutdownTimeout != null) ? shutdownTimeout : Duration.ofSeconds(30);
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofSeconds(5);
		retryBackoffMax = (retryBackoffMax != null) ? retryBackoffMax : Duration.ofMinutes(5);
		lostMessageAfter = (lostMessageAfter != null) ? lostMessageAfter : Duration.ofMinutes(2);
		registryKeep = (registryKeep != null) ? registryKeep : Duration.ofMinutes(5);
		resumableFrom = (resumableFrom != null) ? resumableFrom : DataSize.ofMegabytes(16);
		types = (types != null) ? List.copyOf(types) : List.of();
		if (leaseRenewInterval.compareTo(leaseTtl) >= 0) {
			throw new IllegalArgumentException(
					"hopper.worker.lease-renew-interval (" + leaseRenewInterval + ") must be shorter than lease-ttl ("
							+ leaseTtl + ")");
		}
	}

}

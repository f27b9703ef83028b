package dev.hopper.workers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.task.LoggedTask;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskRetention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes finished tasks past their time to live ({@link RetentionProperties}), a page at a
 * time: first their uploaded file and overlay (unless another task still uses them) and their
 * job's metadata, then their records, leaving a mark that answers 410. Batches go once none of
 * their tasks is left. One worker purges at a time: the one holding the purge's lease.
 */
class RetentionPurge {

	static final String LEASE = "retention-purge";

	/** Pages one rule may purge per run, so a large backlog is worked off across runs. */
	private static final int PAGES_PER_RUN = 20;

	private static final Logger logger = LoggerFactory.getLogger(RetentionPurge.class);

	private final TaskRetention retention;

	private final BlobStore blobs;

	private final TaskJobLauncher jobs;

	private final LeaseRegistry leases;

	private final RetentionProperties properties;

	private final String workerId;

	private final Clock clock;

	private final Counter tasksPurged;

	private final Counter blobsPurged;

	private final Counter batchesPurged;

	RetentionPurge(TaskRetention retention, BlobStore blobs, TaskJobLauncher jobs, LeaseRegistry leases,
			RetentionProperties properties, WorkerProperties worker, MeterRegistry meters, Clock clock) {
		this.retention = retention;
		this.blobs = blobs;
		this.jobs = jobs;
		this.leases = leases;
		this.properties = properties;
		this.workerId = worker.id();
		this.clock = clock;
		this.tasksPurged = purged(meters, "task");
		this.blobsPurged = purged(meters, "blob");
		this.batchesPurged = purged(meters, "batch");
	}

	/** One run, if this worker holds the purge's lease; the number of tasks purged. */
	int purge() {
		// renewed every run; a holder that died is replaced two intervals later
		if (!this.leases.keep(LEASE, this.workerId, this.properties.interval().multipliedBy(2))) {
			return 0;
		}
		Instant now = this.clock.instant();
		int purged = 0;
		for (RetentionProperties.Rule rule : this.properties.rules()) {
			if (rule.keepsForever()) {
				continue;
			}
			Instant before = now.minus(rule.ttl());
			for (int page = 0; page < PAGES_PER_RUN; page++) {
				List<Task> expired = this.retention.findFinishedBefore(rule.scope(), before, this.properties.pageSize());
				expired.forEach((task) -> expire(task, now));
				purged += expired.size();
				if (expired.size() < this.properties.pageSize()) {
					break;
				}
			}
			this.batchesPurged.increment(this.retention.purgeBatches(rule.scope(), before, this.properties.pageSize()));
		}
		this.retention.purgeExpired(now.minus(this.properties.expiredKeep()), this.properties.pageSize());
		if (purged > 0) {
			logger.info("Purged {} finished tasks past their time to live", purged);
		}
		return purged;
	}

	/** Gives up the lease on shutdown, so another worker purges without waiting it out. */
	void leave() {
		this.leases.release(LEASE, this.workerId);
	}

	private void expire(Task task, Instant now) {
		try (var logged = LoggedTask.of(task.id())) {
			if (!this.retention.uploadShared(task)) {
				deleteBlob(task.upload().blobKey());
			}
			String overlay = BlobKeys.overlay(task.id());
			if (!this.retention.resultReused(task) && this.blobs.exists(overlay)) {
				deleteBlob(overlay);
			}
			this.jobs.forget(task);
			if (this.retention.expire(task, now)) {
				this.tasksPurged.increment();
				logger.debug("Task {} expired: it finished at {}", task.id(), task.finishedAt());
			}
		}
	}

	private void deleteBlob(String key) {
		this.blobs.delete(key);
		this.blobsPurged.increment();
	}

	private static Counter purged(MeterRegistry meters, String kind) {
		return Counter.builder("hopper.retention.purged")
			.description("Records removed by retention: finished tasks, their blobs, and batches")
			.tag("kind", kind)
			.register(meters);
	}

}

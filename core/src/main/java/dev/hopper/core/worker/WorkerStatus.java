package dev.hopper.core.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A worker process as it last described itself.
 *
 * @param id its identity in leases and task records
 * @param host the host it runs on
 * @param pid its process id there
 * @param version the Hopper version it runs
 * @param jobTypes the job types it consumes
 * @param concurrency how many tasks it runs at once
 * @param startedAt when it started
 * @param beatAt when it last said this
 * @param beatInterval how often it says it: three missed beats and it is lost
 * @param runningTaskIds the tasks it runs now
 */
public record WorkerStatus(String id, String host, long pid, String version, List<String> jobTypes, int concurrency,
		Instant startedAt, Instant beatAt, Duration beatInterval, List<String> runningTaskIds) {

	public WorkerStatus {
		jobTypes = List.copyOf(jobTypes);
		runningTaskIds = List.copyOf(runningTaskIds);
	}

	/** Whether it has missed three beats by {@code now}: dead, or cut off from Redis. */
	public boolean isLost(Instant now) {
		return this.beatAt.plus(this.beatInterval.multipliedBy(3)).isBefore(now);
	}

}

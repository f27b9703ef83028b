package dev.hopper.workers;

import java.time.Duration;

import dev.hopper.core.task.JobType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Task outcomes by type, how long jobs take, internal errors, and orphans recovered. */
class TaskMetrics {

	private final MeterRegistry registry;

	TaskMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void finished(JobType type, TaskOutcome outcome) {
		Counter.builder("hopper.tasks.finished")
			.description("Task deliveries handled by workers, by job type and outcome")
			.tag("type", type.wireName())
			.tag("outcome", outcome.metricName())
			.register(this.registry)
			.increment();
	}

	void jobRan(JobType type, TaskOutcome outcome, Duration duration) {
		Timer.builder("hopper.job.duration")
			.description("Time a job ran on a worker, by job type and outcome")
			.tag("type", type.wireName())
			.tag("outcome", outcome.metricName())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(duration);
	}

	/** From acceptance to the first claim: how long a task waited for a worker. */
	void queueWait(JobType type, Duration wait) {
		Timer.builder("hopper.queue.wait")
			.description("Time from a task's acceptance to its first claim by a worker, by job type")
			.tag("type", type.wireName())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(wait);
	}

	void internalError(JobType type, Throwable thrown) {
		Counter.builder("hopper.tasks.internal.errors")
			.description("Tasks failed at once by a programming error in Hopper, by job type and exception")
			.tag("type", type.wireName())
			.tag("exception", thrown.getClass().getSimpleName())
			.register(this.registry)
			.increment();
	}

	void orphanRequeued(JobType type) {
		Counter.builder("hopper.tasks.orphans")
			.description("RUNNING tasks whose worker vanished, handed back to the queue by the sweeper")
			.tag("type", type.wireName())
			.register(this.registry)
			.increment();
	}

}

package dev.hopper.workers;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hopper.core.Recurring;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskRetention;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.jobs.WorkerDrain;
import dev.hopper.storage.RecurringWork;
import dev.hopper.storage.amqp.DeadLetterPublisher;
import dev.hopper.storage.amqp.QueueTopology;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Configuration;

/** One listener container per job type this worker has a job for, the leases and the orphan sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WorkerProperties.class, RetentionProperties.class })
class WorkerConfiguration {

	@Bean(destroyMethod = "close")
	LeaseKeeper leaseKeeper(LeaseRegistry leases, TaskLifecycle tasks, WorkerProperties properties) {
		return new LeaseKeeper(leases, tasks, properties);
	}

	@Bean
	TaskJobLauncher taskJobLauncher(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
			JobTypes types) {
		// a job runs the registered type it is named after
		Map<JobType, Job> byType = new HashMap<>();
		for (Job job : jobs) {
			types.find(job.getName()).ifPresent((spec) -> byType.put(spec.type(), job));
		}
		return new TaskJobLauncher(jobOperator, jobRepository, byType);
	}

	@Bean
	WorkerDrain workerDrain() {
		return new WorkerDrain();
	}

	/** On shutdown (SIGTERM included), before the listeners stop: take no new task, stop running jobs at their next chunk. */
	@Bean
	ApplicationListener<ContextClosedEvent> drainOnShutdown(WorkerDrain drain) {
		return (event) -> drain.start();
	}

	@Bean
	TaskMetrics taskMetrics(MeterRegistry meterRegistry) {
		return new TaskMetrics(meterRegistry);
	}

	@Bean
	ResultReuse resultReuse(ResultCache cache, ResultStore results, TaskQueries tasks, TaskLifecycle lifecycle,
			List<EngineVersion> engines) {
		return new ResultReuse(cache, results, tasks, lifecycle, engines);
	}

	@Bean
	TaskRunner taskRunner(TaskLifecycle tasks, LeaseKeeper leaseKeeper, TaskJobLauncher launcher, TaskMetrics metrics,
			ResultReuse reuse, WorkerDrain drain, WorkerProperties properties, Clock clock) {
		return new TaskRunner(tasks, leaseKeeper, launcher, metrics, reuse, drain, properties, clock);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	OrphanSweeper orphanSweeper(TaskQueries tasks, TaskLifecycle lifecycle, LeaseRegistry leases, WorkQueue queue,
			TaskPublisher publisher, JobTypes types, TaskMetrics metrics, WorkerProperties properties, Clock clock) {
		return new OrphanSweeper(tasks, lifecycle, leases, queue, publisher, types, metrics, properties, clock);
	}

	@Bean
	WorkerBeat workerBeat(WorkerRegistry registry, LeaseKeeper leases, TaskListeners listeners,
			WorkerProperties properties, Clock clock) {
		return new WorkerBeat(registry, leases, listeners, properties, clock);
	}

	/** The beat every lease renewal, from start; on stop the worker leaves the registry. */
	@Bean
	RecurringWork workerBeatSchedule(WorkerBeat beat, WorkerProperties properties) {
		return new RecurringWork(new Recurring("hopper-worker-beat", Duration.ZERO, properties.leaseRenewInterval(),
				beat::beat, beat::leave));
	}

	@Bean
	RetentionPurge retentionPurge(TaskRetention retention, BlobStore blobs, TaskJobLauncher launcher,
			LeaseRegistry leases, RetentionProperties retentionProperties, WorkerProperties properties,
			MeterRegistry meters, Clock clock) {
		return new RetentionPurge(retention, blobs, launcher, leases, retentionProperties, properties, meters, clock);
	}

	/** The purge every {@code hopper.retention.interval}, its first a minute after start. */
	@Bean
	RecurringWork retentionSchedule(RetentionPurge purge, RetentionProperties properties) {
		Duration first = (properties.interval().compareTo(Duration.ofMinutes(1)) < 0) ? properties.interval()
				: Duration.ofMinutes(1);
		return new RecurringWork(new Recurring("hopper-retention", first, properties.interval(), purge::purge,
				purge::leave));
	}

	@Bean
	DeadLetters deadLetters(DeadLetterPublisher publisher, DeadLetterStore records, Clock clock) {
		return new DeadLetters(publisher, records, clock);
	}

	@Bean
	TaskListeners taskListeners(JobTypes types, ConnectionFactory connectionFactory, TaskRunner runner,
			TaskJobLauncher launcher, DeadLetters deadLetters, QueueTopology topology, WorkerProperties properties,
			ApplicationContext context) {
		return new TaskListeners(types, connectionFactory, runner, launcher, deadLetters, topology, properties, context);
	}

}

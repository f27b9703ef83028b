package dev.hopper.api.admin;

import java.time.Clock;

import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.worker.WorkerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What operators read: the queue report and its gauges, and the workers. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	QueueReport queueReport(JobTypes types, WorkQueue queue, TaskQueries tasks, DeadLetterStore deadLetters,
			WorkerRegistry workers, Clock clock) {
		return new QueueReport(types, queue, tasks, deadLetters, workers, clock);
	}

	@Bean
	WorkerViews workerViews(WorkerRegistry workers, TaskQueries tasks, Clock clock) {
		return new WorkerViews(workers, tasks, clock);
	}

	@Bean
	QueueMetrics queueMetrics(QueueReport report, MeterRegistry meters) {
		return new QueueMetrics(report, meters);
	}

}

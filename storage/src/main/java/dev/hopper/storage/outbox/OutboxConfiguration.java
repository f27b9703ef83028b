package dev.hopper.storage.outbox;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import dev.hopper.core.task.TaskOutbox;
import dev.hopper.core.Recurring;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.queue.OutboxRelay;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.storage.RecurringWork;
import dev.hopper.storage.amqp.AmqpProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one task publisher and its relay, in every process that publishes: api and workers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	TaskPublisher taskPublisher(WorkQueue queue, TaskOutbox tasks) {
		return new TaskPublisher(queue, tasks);
	}

	@Bean
	OutboxRelay outboxRelay(TaskOutbox tasks, TaskPublisher publisher, LeaseRegistry leases,
			OutboxProperties properties, AmqpProperties amqp) {
		String owner = ManagementFactory.getRuntimeMXBean().getName() + "-outbox-"
				+ UUID.randomUUID().toString().substring(0, 8);
		// deployments sharing a Redis each relay their own tasks
		return new OutboxRelay(tasks, publisher, leases, "outbox-relay:" + amqp.namespace(), owner, properties.delay(),
				properties.interval());
	}

	/** The relay every interval while the application runs; on stop it gives up the relay's lease. */
	@Bean
	RecurringWork outboxSchedule(OutboxRelay relay, OutboxProperties properties) {
		return new RecurringWork(new Recurring("hopper-outbox-relay", properties.interval(), properties.interval(),
				relay::relay, relay::stop));
	}

}

package dev.hopper.api.intake;

import java.time.Clock;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.intake.IdempotencyStore;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.TaskStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Intake's parts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	@Bean
	UploadReceiver uploadReceiver(BlobStore blobs, IntakeProperties properties) {
		return new UploadReceiver(blobs, properties.maxFileSize().toBytes(), properties.maxImagePixels());
	}

	@Bean
	TaskIntake taskIntake(TaskStore tasks, WorkQueue queue) {
		return new TaskIntake(tasks, queue);
	}

	@Bean
	Idempotency idempotency(IdempotencyStore store, TaskStore tasks, Clock clock) {
		return new Idempotency(store, tasks, clock);
	}

	@Bean
	Redrive redrive(TaskStore tasks, TaskIntake intake) {
		return new Redrive(tasks, intake);
	}

	@Bean
	OutboxRelay outboxRelay(TaskStore tasks, TaskIntake intake, IntakeProperties properties) {
		return new OutboxRelay(tasks, intake, properties);
	}

}

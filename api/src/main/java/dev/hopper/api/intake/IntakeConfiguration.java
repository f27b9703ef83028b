package dev.hopper.api.intake;

import java.time.Clock;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.intake.IdempotencyStore;
import dev.hopper.core.queue.TaskPublisher;

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
	TaskIntake taskIntake(TaskLifecycle tasks, TaskPublisher publisher) {
		return new TaskIntake(tasks, publisher);
	}

	@Bean
	Idempotency idempotency(IdempotencyStore store, TaskQueries tasks, Clock clock) {
		return new Idempotency(store, tasks, clock);
	}

}

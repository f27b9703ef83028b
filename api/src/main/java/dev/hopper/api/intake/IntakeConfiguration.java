package dev.hopper.api.intake;

import java.time.Clock;
import java.util.List;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
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
	IntakeChecks intakeChecks(JobTypes types, IntakeProperties properties) {
		List<JobType> accepted = (properties.acceptedTypes() != null) ? properties.acceptedTypes() : types.all();
		return new IntakeChecks(types, accepted);
	}

	@Bean
	UploadReceiver uploadReceiver(BlobStore blobs, IntakeProperties properties, IntakeChecks checks) {
		return new UploadReceiver(blobs, properties.maxFileSize().toBytes(), properties.maxImagePixels(), checks);
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

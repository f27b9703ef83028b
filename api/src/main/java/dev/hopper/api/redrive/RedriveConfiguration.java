package dev.hopper.api.redrive;

import java.time.Clock;

import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redrives, shared by the batch endpoint, the dead-letter admin and the console. */
@Configuration(proxyBeanMethods = false)
class RedriveConfiguration {

	@Bean
	Redrive redrive(TaskQueries tasks, TaskLifecycle lifecycle, TaskPublisher publisher) {
		return new Redrive(tasks, lifecycle, publisher);
	}

	@Bean
	DeadLetterRedrive deadLetterRedrive(DeadLetterStore deadLetters, TaskQueries tasks, Redrive redrive, Clock clock) {
		return new DeadLetterRedrive(deadLetters, tasks, redrive, clock);
	}

}

package dev.hopper.api.redrive;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.queue.TaskPublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redrives, shared by the batch endpoint and the dead-letter admin. */
@Configuration(proxyBeanMethods = false)
class RedriveConfiguration {

	@Bean
	Redrive redrive(TaskQueries tasks, TaskLifecycle lifecycle, TaskPublisher publisher) {
		return new Redrive(tasks, lifecycle, publisher);
	}

}

package dev.hopper.api.intake;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes tasks whose message was never confirmed: the broker was down, or the api died
 * between the database write and the publish. A message it publishes twice is harmless,
 * because workers claim tasks conditionally.
 */
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 100;

	private final TaskStore tasks;

	private final TaskIntake intake;

	private final IntakeProperties properties;

	OutboxRelay(TaskStore tasks, TaskIntake intake, IntakeProperties properties) {
		this.tasks = tasks;
		this.intake = intake;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${hopper.intake.outbox-interval:5s}",
			initialDelayString = "${hopper.intake.outbox-interval:5s}")
	void relay() {
		try {
			for (Task task : this.tasks.findUnpublished(this.properties.outboxDelay(), BATCH)) {
				if (!this.intake.publish(task)) {
					return;
				}
				logger.info("Outbox relay published task {}", task.id());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay pass failed; the next pass retries: {}", ex.getMessage());
		}
	}

}

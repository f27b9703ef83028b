package dev.hopper.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskOutbox;
import dev.hopper.core.task.Upload;

import org.springframework.context.ApplicationContext;

/** Tasks put straight into a running application's store, for tests that need one in a given state. */
final class StoredTasks {

	private StoredTasks() {
	}

	/** A task recorded as published whose message never went out: it stays QUEUED for as long as a test needs. */
	static String queued(ApplicationContext context, String tenant) {
		String id = TimeOrderedId.next(Clock.systemUTC());
		context.getBean(TaskLifecycle.class)
			.insert(Task.accepted(id, tenant, JobType.AUDIO_FEATURES,
					new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "queued.wav"), Map.of(),
					Instant.now()));
		context.getBean(TaskOutbox.class).markPublished(id);
		return id;
	}

	/** Waits until {@code condition} holds, failing after {@code limit}. */
	static void awaitTrue(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("still not so after " + limit);
			}
			Thread.sleep(50);
		}
	}

}

package dev.hopper.core.queue;

import java.time.Instant;

import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

/**
 * A message no worker could work, as operators see it: which task (if the message named
 * one), why, and whether it has been redriven. The message itself is also kept on the
 * broker's dead-letter queue.
 *
 * @param id time-ordered id
 * @param taskId the task the message was for; null for a message too malformed to say
 * @param type the queue it came from
 * @param code why, as a stable code
 * @param detail why, in words
 * @param at when it was dead-lettered
 * @param redrivenAt when an operator queued its task again, if one did
 */
public record DeadLetter(String id, @Nullable String taskId, JobType type, String code, String detail, Instant at,
		@Nullable Instant redrivenAt) {
}

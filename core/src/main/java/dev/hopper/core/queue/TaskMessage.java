package dev.hopper.core.queue;

import dev.hopper.core.task.JobType;

/** What a worker receives: which task to run. Everything else is read from the store. */
public record TaskMessage(String taskId, JobType type) {
}

package dev.hopper.api.status;

import java.time.Instant;
import java.util.List;

import dev.hopper.core.task.TaskEvent;

/**
 * A task's history as the API answers it.
 *
 * @param id the task
 * @param acceptedAt when it was accepted (its first step)
 * @param events each later step, oldest first; a task keeps its latest hundred
 */
public record TaskHistory(String id, Instant acceptedAt, List<TaskEvent> events) {
}

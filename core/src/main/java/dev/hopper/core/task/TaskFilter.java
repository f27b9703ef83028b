package dev.hopper.core.task;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which tasks a list shows: any mix of these, each left out when {@code null} (or empty).
 *
 * @param tenantId only this tenant's tasks; {@code null} for every tenant (operators only)
 * @param states in any of these states
 * @param type of this job type
 * @param batchId uploaded in this batch
 * @param sha256 on a file with this content
 * @param errorCode whose (last) error has this code
 * @param minAttempts claimed at least this many times
 * @param createdAfter accepted at or after this time
 * @param createdBefore accepted before this time
 */
public record TaskFilter(@Nullable String tenantId, Set<TaskState> states, @Nullable JobType type,
		@Nullable String batchId, @Nullable String sha256, @Nullable String errorCode, @Nullable Integer minAttempts,
		@Nullable Instant createdAfter, @Nullable Instant createdBefore) {

	public TaskFilter {
		states = (states != null) ? Set.copyOf(states) : Set.of();
	}

	/** All of one tenant's tasks. */
	public static TaskFilter ofTenant(String tenantId) {
		return new TaskFilter(tenantId, Set.of(), null, null, null, null, null, null, null);
	}

}

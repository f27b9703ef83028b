package dev.hopper.api.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.intake.IdempotencyRecord;
import dev.hopper.core.intake.IdempotencyStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code Idempotency-Key} on a POST: a retry with the same key and the same request gets
 * the task the first one created; the same key with a different request is refused (422).
 * Keys are per tenant and kept for a day.
 */
class Idempotency {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	/** A key whose first request never created its task (it died half-way) is free again after this. */
	private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

	private final IdempotencyStore store;

	private final TaskQueries tasks;

	private final Clock clock;

	Idempotency(IdempotencyStore store, TaskQueries tasks, Clock clock) {
		this.store = store;
		this.tasks = tasks;
		this.clock = clock;
	}

	/** The answer to a replayed request: the original task, as the first answer gave it. */
	static ResponseEntity<TaskView> replay(Task earlier) {
		return ResponseEntity.accepted()
			.location(URI.create(TaskView.path(earlier.id())))
			.header(REPLAYED, "true")
			.body(TaskView.of(earlier));
	}

	/** The request's key, checked before its body is read; null without one. */
	static @Nullable String keyOf(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if (key == null) {
			return null;
		}
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7F)) {
			throw ApiProblem.badRequest("invalid_idempotency_key",
					"An Idempotency-Key is 1 to 255 visible ASCII characters");
		}
		return key;
	}

	/**
	 * The task an earlier request under {@code key} created, or empty when this request is
	 * the first and should go on to create {@code newTaskId}.
	 */
	Optional<Task> earlier(String tenantId, String key, String fingerprint, String newTaskId) {
		IdempotencyRecord mine = new IdempotencyRecord(tenantId, key, fingerprint, newTaskId, this.clock.instant());
		IdempotencyRecord stored = this.store.putIfAbsent(mine);
		if (stored.taskId().equals(newTaskId)) {
			return Optional.empty();
		}
		if (!stored.fingerprint().equals(fingerprint)) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
					"This Idempotency-Key was used for a different request (another file, type or params)");
		}
		Optional<Task> task = this.tasks.find(stored.taskId());
		if (task.isPresent()) {
			return task;
		}
		if (stored.createdAt().isBefore(this.clock.instant().minus(ABANDONED_AFTER)) && this.store.replace(stored, mine)) {
			return Optional.empty();
		}
		throw new ApiProblem(HttpStatus.CONFLICT, "idempotent_request_in_progress",
				"A request with this Idempotency-Key is still being accepted; retry shortly")
			.withHeader(HttpHeaders.RETRY_AFTER, "1");
	}

}

package dev.hopper.api.status;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * A task list's query parameters, checked: each one out of shape is a 400 problem naming
 * it, never an empty list that hides the mistake.
 *
 * @param state any of these states (repeated or comma-separated)
 * @param type a registered job type
 * @param batchId a batch's id
 * @param sha256 a file's content hash
 * @param errorCode the code of the task's (last) error
 * @param minAttempts claimed at least this many times
 * @param createdAfter accepted at or after (ISO-8601)
 * @param createdBefore accepted before (ISO-8601)
 * @param pageSize 1 to 500, default 100
 * @param pageToken the {@code nextPageToken} of the page before
 */
public record TaskListQuery(@Nullable List<String> state, @Nullable String type, @Nullable String batchId,
		@Nullable String sha256, @Nullable String errorCode, @Nullable Integer minAttempts,
		@Nullable String createdAfter, @Nullable String createdBefore, @Nullable Integer pageSize,
		@Nullable String pageToken) {

	static final int MAX_PAGE_SIZE = 500;

	static final int DEFAULT_PAGE_SIZE = 100;

	/** A parameter left empty (as a form sends a field left blank) is one not given. */
	public TaskListQuery {
		state = (state == null) ? null : state.stream().filter((name) -> !name.isBlank()).toList();
		type = given(type);
		batchId = given(batchId);
		sha256 = given(sha256);
		errorCode = given(errorCode);
		createdAfter = given(createdAfter);
		createdBefore = given(createdBefore);
		pageToken = given(pageToken);
	}

	private static @Nullable String given(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** The filter for {@code tenantId} ({@code null}: every tenant). */
	public TaskFilter filter(@Nullable String tenantId, JobTypes types) {
		JobType jobType = (this.type == null) ? null
				: types.find(this.type)
					.orElseThrow(() -> ApiProblem.badRequest("unknown_type", "Unknown task type; known types are "
							+ String.join(", ", types.names())))
					.type();
		if (this.sha256 != null && !this.sha256.matches("[0-9a-fA-F]{64}")) {
			throw ApiProblem.badRequest("invalid_sha256", "sha256 is 64 hexadecimal digits");
		}
		if (this.batchId != null && !TimeOrderedId.isWellFormed(this.batchId)) {
			throw ApiProblem.badRequest("invalid_batch_id", "batchId is the id of a batch");
		}
		if (this.errorCode != null && !this.errorCode.matches("[a-z0-9_]{1,64}")) {
			throw ApiProblem.badRequest("invalid_error_code", "errorCode is a problem code such as corrupt_audio");
		}
		if (this.minAttempts != null && this.minAttempts < 0) {
			throw ApiProblem.badRequest("invalid_min_attempts", "minAttempts is 0 or more");
		}
		return new TaskFilter(tenantId, states(), jobType, this.batchId,
				(this.sha256 != null) ? this.sha256.toLowerCase(Locale.ROOT) : null, this.errorCode, this.minAttempts,
				time("createdAfter", this.createdAfter), time("createdBefore", this.createdBefore));
	}

	public int limit() {
		int size = (this.pageSize != null) ? this.pageSize : DEFAULT_PAGE_SIZE;
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiProblem.badRequest("invalid_page_size", "pageSize is from 1 to " + MAX_PAGE_SIZE);
		}
		return size;
	}

	public @Nullable String before() {
		if (this.pageToken != null && !TimeOrderedId.isWellFormed(this.pageToken)) {
			throw ApiProblem.badRequest("invalid_page_token", "pageToken is the nextPageToken of an earlier page");
		}
		return this.pageToken;
	}

	private Set<TaskState> states() {
		Set<TaskState> states = EnumSet.noneOf(TaskState.class);
		if (this.state != null) {
			for (String name : this.state) {
				try {
					states.add(TaskState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw ApiProblem.badRequest("invalid_state",
							"state is one or more of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED");
				}
			}
		}
		return states;
	}

	private static @Nullable Instant time(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid_time", name + " is an ISO-8601 UTC time such as 2026-12-05T10:00:00Z");
		}
	}

}

package dev.hopper.api.status;

import dev.hopper.api.docs.ResultSchemas;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.time.Duration;
import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.admission.ConnectionBudget;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.result.ResultStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code GET /api/v1/tasks/{id}} and its result. An unknown id is always 404, never a state.
 * Polling is cheap: each answer carries an ETag, {@code If-None-Match} answers 304 while
 * nothing changed, and {@code ?waitSeconds=N} holds the request until the task changes
 * (or N seconds pass), woken through the {@link TaskWatch} on whichever replica holds it.
 */
@RestController
@RequestMapping("/api/v1/tasks/{id}")
class TaskStatusController {

	static final int MAX_WAIT_SECONDS = 60;

	private final TenantTasks tasks;

	private final TaskViews views;

	private final TaskWatch watch;

	private final ResultStore results;

	private final TaskQueries queries;

	private final ConnectionBudget budget;

	TaskStatusController(TenantTasks tasks, TaskViews views, TaskWatch watch, ResultStore results,
			TaskQueries queries, ConnectionBudget budget) {
		this.tasks = tasks;
		this.queries = queries;
		this.budget = budget;
		this.views = views;
		this.watch = watch;
		this.results = results;
	}

	@Operation(summary = "A task's status, with an `ETag`")
	@ApiResponse(responseCode = "200", description = "The task", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "304", description = "Unchanged since the `ETag` sent in `If-None-Match`")
	@Refusal(status = 404, codes = { "task_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@GetMapping
	ResponseEntity<TaskView> task(Tenant tenant, @PathVariable String id,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return respond(this.tasks.find(tenant, id), ifNoneMatch);
	}

	/** The long poll: answered at once when there is news, else held on an async request, no thread waiting. */
	@Operation(summary = "Long poll: answered when the task changes from the `ETag` sent, or when `waitSeconds` pass")
	@ApiResponse(responseCode = "200",
			description = "The task, changed or as it is when the wait ends", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "304", description = "Unchanged when the wait ended")
	@Refusal(status = 400, codes = { "invalid_wait_seconds", "invalid_parameter" })
	@Refusal(status = 404, codes = { "task_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@Refusal(status = 429, codes = { "too_many_waits" })
	@GetMapping(params = "waitSeconds")
	DeferredResult<ResponseEntity<TaskView>> awaitChange(Tenant tenant, @PathVariable String id,
			@RequestParam Integer waitSeconds,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
			throw ApiProblem.badRequest("invalid_wait_seconds", "waitSeconds is from 0 to " + MAX_WAIT_SECONDS);
		}
		Task task = this.tasks.find(tenant, id);
		// what the client has seen: its If-None-Match, or else the task as it is now
		String seen = (ifNoneMatch != null) ? ifNoneMatch : TaskVersion.etag(task);
		boolean wait = waitSeconds > 0 && TaskVersion.matches(seen, task) && !task.state().isTerminal();
		DeferredResult<ResponseEntity<TaskView>> answer = new DeferredResult<>(
				wait ? Duration.ofSeconds(waitSeconds).toMillis() : null);
		if (!wait) {
			answer.setResult(respond(task, ifNoneMatch));
			return answer;
		}
		Runnable release = this.budget.hold(tenant.id(), Duration.ofSeconds(waitSeconds));
		Runnable stop = this.watch.watch(id, () -> this.tasks.reload(task).ifPresent((now) -> {
			if (!TaskVersion.matches(seen, now) || now.state().isTerminal()) {
				answer.setResult(respond(now, ifNoneMatch));
			}
		}));
		answer.onTimeout(() -> answer.setResult(respond(this.tasks.reload(task).orElse(task), ifNoneMatch)));
		answer.onCompletion(() -> {
			stop.run();
			release.run();
		});
		answer.onError((ex) -> {
			stop.run();
			release.run();
		});
		return answer;
	}

	/** Every step the task took (its latest hundred), oldest first: what a person asks "what happened to it?". */
	@Operation(summary = "Every step the task took, oldest first")
	@ApiResponse(responseCode = "200", description = "The task's history", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "task_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@GetMapping("/history")
	TaskHistory history(Tenant tenant, @PathVariable String id) {
		Task task = this.tasks.find(tenant, id);
		// which worker ran it (a process on a host) is the operators' to know, not the tenant's
		return new TaskHistory(task.id(), task.createdAt(), this.queries.history(task.id())
			.stream()
			.map((event) -> new dev.hopper.core.task.TaskEvent(event.at(), event.what(), event.state(), null,
					event.error()))
			.toList());
	}

	@Operation(summary = "A finished task's result")
	@ApiResponse(responseCode = "200", description = "The result: its shape depends on the job type",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(
							oneOf = { ResultSchemas.AudioFeatures.class, ResultSchemas.MapPlan.class })))
	@Refusal(status = 404, codes = { "task_not_found", "result_not_ready", "result_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@Refusal(status = 409, codes = { "task_failed" })
	@GetMapping("/result")
	Map<String, Object> result(Tenant tenant, @PathVariable String id) {
		Task task = this.tasks.find(tenant, id);
		if (task.state() == TaskState.FAILED) {
			TaskError error = task.error();
			throw new ApiProblem(HttpStatus.CONFLICT, "task_failed",
					"The task failed" + ((error != null) ? ": " + error.code() + ": " + error.message() : ""));
		}
		if (task.state() != TaskState.SUCCEEDED) {
			throw ApiProblem.notFound("result_not_ready", "The task is " + task.state() + "; its result is not ready");
		}
		return this.results.find(id)
			.orElseThrow(() -> ApiProblem.notFound("result_not_found", "No result is stored for task " + id));
	}

	private ResponseEntity<TaskView> respond(Task task, @Nullable String ifNoneMatch) {
		boolean unchanged = TaskVersion.matches(ifNoneMatch, task);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
			.eTag(TaskVersion.etag(task))
			.cacheControl(CacheControl.noCache());
		return unchanged ? response.build() : response.body(this.views.of(task));
	}

}

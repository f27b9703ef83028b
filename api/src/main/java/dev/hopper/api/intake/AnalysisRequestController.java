package dev.hopper.api.intake;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.hopper.api.admission.BacklogGuard;
import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.status.TaskView;
import dev.hopper.api.status.TenantTasks;
import dev.hopper.api.webhook.WebhookTargets;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.intake.Fingerprint;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tasks} with a JSON body: run a job on a file the tenant uploaded
 * before, named by one of its tasks ({@code sourceTaskId}) or by its content
 * ({@code sha256}), without sending it again.
 */
@RestController
class AnalysisRequestController {

	private final TaskQueries tasks;

	private final TenantTasks tenantTasks;

	private final BlobStore blobs;

	private final TaskIntake intake;

	private final Idempotency idempotency;

	private final BacklogGuard backlog;

	private final WebhookTargets webhooks;

	private final IntakeProperties properties;

	private final IntakeChecks checks;

	private final Clock clock;

	private final JsonMapper json;

	AnalysisRequestController(TaskQueries tasks, TenantTasks tenantTasks, BlobStore blobs, TaskIntake intake,
			Idempotency idempotency, BacklogGuard backlog, WebhookTargets webhooks, IntakeProperties properties,
			IntakeChecks checks, Clock clock, JsonMapper json) {
		this.json = json;
		this.webhooks = webhooks;
		this.backlog = backlog;
		this.tasks = tasks;
		this.tenantTasks = tenantTasks;
		this.blobs = blobs;
		this.intake = intake;
		this.idempotency = idempotency;
		this.properties = properties;
		this.checks = checks;
		this.clock = clock;
	}

	@Operation(summary = "Run a job on a file stored before (by task id or SHA-256), without uploading it again")
	@ApiResponse(responseCode = "202", description = "Accepted: the task, QUEUED", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200",
			description = "The same request with the same `Idempotency-Key` was accepted before: its task", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"bad_request", "missing_type", "unknown_type", "invalid_source", "invalid_params", "params_too_large",
			"params_too_deep", "invalid_webhook", "invalid_idempotency_key", "invalid_sha256"
	})
	@Refusal(status = 404, codes = { "content_not_found", "task_not_found" })
	@Refusal(status = 409, codes = { "idempotent_request_in_progress" })
	@Refusal(status = 410, codes = { "file_gone", "task_expired" })
	@Refusal(status = 413, codes = { "body_too_large" })
	@Refusal(status = 415, codes = { "unsupported_media_type" })
	@Refusal(status = 422, codes = { "type_unavailable", "idempotency_key_reused" })
	@Refusal(status = 429, codes = { "quota_exceeded" })
	@Refusal(status = 503, codes = { "backlog_full" })
	@PostMapping(path = "/api/v1/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TaskView> analyse(Tenant tenant, @RequestBody AnalysisRequest body, HttpServletRequest request) {
		String idempotencyKey = Idempotency.keyOf(request);
		if (body.type() == null) {
			throw ApiProblem.badRequest("missing_type", "The field 'type' is missing");
		}
		// the request's own shape first: nothing is looked up for a request that cannot be accepted
		Map<String, Object> params = (body.params() != null) ? ParamsRules.check(body.params(), this.json) : Map.of();
		JobType type = this.checks.checkType(body.type());
		this.backlog.admit(type);
		Task source = source(tenant, body);
		this.checks.checkKind(type, source.upload().kind());
		if (!this.blobs.exists(source.upload().blobKey())) {
			throw new ApiProblem(HttpStatus.GONE, "file_gone", "The stored file of task " + source.id()
					+ " is no longer kept; upload it again");
		}
		String taskId = TimeOrderedId.next(this.clock);
		if (idempotencyKey != null) {
			Optional<Task> earlier = this.idempotency.earlier(tenant.id(), idempotencyKey,
					Fingerprint.of(type, source.upload().sha256(), params), taskId);
			if (earlier.isPresent()) {
				return Idempotency.replay(earlier.get());
			}
		}
		Task accepted = Task.accepted(taskId, tenant.id(), type, source.upload(), params, this.clock.instant());
		Task task = (body.webhook() != null) ? accepted.notifying(this.webhooks.check(body.webhook())) : accepted;
		this.intake.accept(task);
		return ResponseEntity.accepted().location(URI.create(TaskView.path(taskId))).body(TaskView.of(task));
	}

	private Task source(Tenant tenant, AnalysisRequest body) {
		if ((body.sourceTaskId() == null) == (body.sha256() == null)) {
			throw ApiProblem.badRequest("invalid_source", "Name the file by exactly one of sourceTaskId and sha256");
		}
		if (body.sourceTaskId() != null) {
			return this.tenantTasks.find(tenant, body.sourceTaskId());
		}
		String sha256 = body.sha256().toLowerCase(java.util.Locale.ROOT);
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw ApiProblem.badRequest("invalid_sha256", "sha256 is 64 hexadecimal digits");
		}
		return this.tasks.findLatestByContent(tenant.id(), sha256)
			.orElseThrow(() -> ApiProblem.notFound("content_not_found", "No file with SHA-256 " + sha256
					+ " was uploaded by this tenant"));
	}

	/**
	 * @param sourceTaskId a task whose file to use
	 * @param sha256 or the file's content hash
	 * @param type the job to run
	 * @param params its parameters
	 * @param webhook an endpoint to notify when it finishes
	 */
	record AnalysisRequest(@Nullable String sourceTaskId, @Nullable String sha256, @Nullable String type,
			@Nullable Map<String, Object> params, @Nullable String webhook) {
	}

}

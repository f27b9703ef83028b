package dev.hopper.api.intake;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.hopper.api.admission.BacklogGuard;
import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.problem.Refusal;
import dev.hopper.api.status.BatchView;
import dev.hopper.api.status.TenantBatches;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A batch filled by many requests: opened empty with its type and params, then each file
 * sent on its own ({@code POST /api/v1/tasks?batch=ID}, with an idempotency key, so a client
 * can resume), then closed. Until it is closed its state never reads as finished, since more
 * files may come.
 */
@RestController
class OpenBatchController {

	private final BatchStore batches;

	private final TenantBatches tenantBatches;

	private final TaskQueries tasks;

	private final IntakeChecks checks;

	private final BacklogGuard backlog;

	private final JsonMapper json;

	private final Clock clock;

	OpenBatchController(BatchStore batches, TenantBatches tenantBatches, TaskQueries tasks, IntakeChecks checks, BacklogGuard backlog,
			JsonMapper json, Clock clock) {
		this.batches = batches;
		this.tenantBatches = tenantBatches;
		this.tasks = tasks;
		this.checks = checks;
		this.backlog = backlog;
		this.json = json;
		this.clock = clock;
	}

	@Operation(summary = "Open an empty batch, to fill with single uploads (POST /api/v1/tasks?batch=ID)")
	@ApiResponse(responseCode = "201", description = "The batch, open: `Location` is its status URL",
			useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "bad_request", "missing_type", "unknown_type", "invalid_params",
			"params_too_large", "params_too_deep" })
	@Refusal(status = 413, codes = { "body_too_large" })
	@Refusal(status = 415, codes = { "unsupported_media_type" })
	@Refusal(status = 422, codes = { "type_unavailable" })
	@Refusal(status = 503, codes = { "backlog_full" })
	@PostMapping(path = "/api/v1/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchView> open(Tenant tenant, @RequestBody OpenBatch body) {
		if (body.type() == null) {
			throw ApiProblem.badRequest("missing_type", "The field 'type' is missing");
		}
		Map<String, Object> params = (body.params() != null) ? ParamsRules.check(body.params(), this.json) : Map.of();
		JobType type = this.checks.checkType(body.type());
		this.backlog.admit(type);
		Batch batch = new Batch(TimeOrderedId.next(this.clock), tenant.id(), type, params, this.clock.instant(),
				List.of(), false);
		this.batches.insert(batch);
		return ResponseEntity.created(URI.create(BatchView.path(batch.id()))).body(BatchView.accepted(batch, List.of()));
	}

	@Operation(summary = "Close a batch: no more files join it (closing a closed batch changes nothing)")
	@ApiResponse(responseCode = "200", description = "The batch, closed", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "batch_not_found" })
	@PostMapping("/api/v1/batches/{id}/close")
	BatchView close(Tenant tenant, @PathVariable String id) {
		Batch batch = this.tenantBatches.find(tenant, id);
		if (!batch.complete()) {
			this.batches.complete(batch.id(), batch.refused());
		}
		Batch closed = batch.completed(batch.refused());
		return BatchView.of(closed, this.tasks.countByState(batch.id()), List.of(), null);
	}

	/** The body of {@link #open}. */
	record OpenBatch(@Nullable String type, @Nullable Map<String, Object> params) {
	}

}

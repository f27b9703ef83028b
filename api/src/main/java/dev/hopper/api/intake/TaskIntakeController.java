package dev.hopper.api.intake;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.hopper.api.problem.Refusal;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.hopper.api.admission.BacklogGuard;
import dev.hopper.api.auth.Tenant;
import dev.hopper.api.docs.UploadForms;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.webhook.WebhookTargets;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.intake.Fingerprint;
import dev.hopper.core.task.JobType;
import dev.hopper.api.status.TenantBatches;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.Task;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tasks}: a multipart upload with {@code file}, {@code type} and optional
 * {@code params}. The body is parsed as a stream; the file goes straight to object storage.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskIntakeController {

	private static final String EXPECTED_FORM = "Send the file as multipart/form-data with the fields file, type "
			+ "and optional params (type and params may also be query parameters)";

	private final UploadReceiver receiver;

	private final TaskIntake intake;

	private final Idempotency idempotency;

	private final BacklogGuard backlog;

	private final WebhookTargets webhooks;

	private final IntakeProperties properties;

	private final IntakeChecks checks;

	private final JsonMapper json;

	private final Clock clock;

	private final TenantBatches batches;

	TaskIntakeController(UploadReceiver receiver, TaskIntake intake, Idempotency idempotency, BacklogGuard backlog,
			WebhookTargets webhooks, IntakeProperties properties, IntakeChecks checks, JsonMapper json, Clock clock,
			TenantBatches batches) {
		this.batches = batches;
		this.webhooks = webhooks;
		this.receiver = receiver;
		this.intake = intake;
		this.idempotency = idempotency;
		this.backlog = backlog;
		this.properties = properties;
		this.checks = checks;
		this.json = json;
		this.clock = clock;
	}

	@Operation(summary = "Upload one file for a job")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForms.TaskUpload.class)))
	@ApiResponse(responseCode = "202",
			description = "Accepted: the task, QUEUED; `Location` is its status URL", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200",
			description = "The same request with the same `Idempotency-Key` was accepted before: its task", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"malformed_multipart", "truncated_body", "missing_file", "missing_type", "unknown_type",
			"empty_file", "too_many_files", "field_too_large", "invalid_params", "params_too_large",
			"params_too_deep", "duplicate_field", "conflicting_field", "invalid_webhook",
			"invalid_idempotency_key"
	})
	@Refusal(status = 404, codes = { "batch_not_found" })
	@Refusal(status = 409, codes = { "idempotent_request_in_progress", "batch_closed" })
	@Refusal(status = 413, codes = { "file_too_large" })
	@Refusal(status = 415, codes = { "not_multipart", "unsupported_format", "unsupported_media_type" })
	@Refusal(status = 422, codes = { "type_unavailable", "image_too_large", "corrupt_image", "idempotency_key_reused" })
	@Refusal(status = 429, codes = { "quota_exceeded" })
	@Refusal(status = 503, codes = { "backlog_full" })
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<TaskView> submit(Tenant tenant, HttpServletRequest request) throws IOException {
		String idempotencyKey = Idempotency.keyOf(request);
		String batchId = FormFields.fromQuery(request, "batch");
		Batch batch = (batchId != null) ? this.batches.findOpen(tenant, batchId) : null;
		String taskId = TimeOrderedId.next(this.clock);
		String key = BlobKeys.upload(taskId);
		ReceivedFile file = null;
		try {
			Form form = readForm(request, key, batch);
			file = form.file;
			if (file == null) {
				throw ApiProblem.badRequest("missing_file", "The multipart field 'file' is missing");
			}
			if (form.type == null) {
				throw ApiProblem.badRequest("missing_type", "The multipart field 'type' is missing");
			}
			JobType type = form.checkedType;
			if (type == null) {
				// the type came after the file: checked now, once
				type = this.checks.checkType(form.type);
				this.backlog.admit(type);
			}
			this.checks.checkKind(type, file.kind());
			Map<String, Object> params = (batch != null) ? batch.params() : FormFields.params(form.params, this.json);
			if (idempotencyKey != null) {
				Optional<Task> earlier = this.idempotency.earlier(tenant.id(), idempotencyKey,
						Fingerprint.of(type, file.sha256(), params), taskId);
				if (earlier.isPresent()) {
					this.receiver.discard(key);
					return Idempotency.replay(earlier.get());
				}
			}
			Task accepted = Task.accepted(taskId, tenant.id(), type, file.toUpload(), params, this.clock.instant());
			Task joined = (batch != null) ? accepted.inBatch(batch.id()) : accepted;
			Task task = (form.webhook != null) ? joined.notifying(form.webhook) : joined;
			this.intake.accept(task);
			return ResponseEntity.accepted().location(URI.create(TaskView.path(taskId))).body(TaskView.of(task));
		}
		catch (RuntimeException ex) {
			if (file != null) {
				this.receiver.discard(key);
			}
			throw ex;
		}
	}

	private Form readForm(HttpServletRequest request, String key, @Nullable Batch batch) throws IOException {
		Form form = new Form();
		form.type = FormFields.fromQuery(request, "type");
		form.params = FormFields.fromQuery(request, "params");
		if (batch != null) {
			// the batch's type and params apply: the request may repeat the type, not change it
			if (form.type != null && !form.type.equals(batch.type().wireName())) {
				throw ApiProblem.badRequest("conflicting_field",
						"Batch " + batch.id() + " runs " + batch.type().wireName() + ", not " + form.type);
			}
			form.type = batch.type().wireName();
			if (form.params != null) {
				throw paramsOfTheBatch();
			}
		}
		String typeInQuery = form.type;
		String paramsInQuery = form.params;
		try {
			MultipartParts.read(request, EXPECTED_FORM,
					(field, fileName, content) -> {
						switch (field) {
							case "file" -> {
								if (form.file != null) {
									throw ApiProblem.badRequest("too_many_files", "Send exactly one 'file' per task");
								}
								if (form.type != null) {
									// before the file is stored
									form.checkedType = this.checks.checkType(form.type);
									this.backlog.admit(form.checkedType);
								}
								form.file = this.receiver.receive(key, content, fileName, form.checkedType);
							}
							case "type" -> form.type = FormFields.agreed(typeInQuery, FormFields.read(content, "type"),
									"type");
							case "params" -> {
								if (batch != null) {
									throw paramsOfTheBatch();
								}
								form.params = FormFields.agreed(paramsInQuery, FormFields.read(content, "params"),
										"params");
							}
							case "webhook" -> form.webhook = this.webhooks.check(FormFields.read(content, "webhook"));
							default -> {
								// not ours: skipped
							}
						}
					});
		}
		catch (RuntimeException ex) {
			if (form.file != null) {
				this.receiver.discard(key);
			}
			throw ex;
		}
		return form;
	}

	private static ApiProblem paramsOfTheBatch() {
		return ApiProblem.badRequest("conflicting_field",
				"A file joining a batch runs with the batch's params: send no 'params' with it");
	}

	/** The fields read so far. */
	private static final class Form {

		@Nullable ReceivedFile file;

		@Nullable String type;

		/** The type, checked and admitted when it came before the file. */
		@Nullable JobType checkedType;

		@Nullable String params;

		@Nullable String webhook;

	}

}

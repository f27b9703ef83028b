package dev.hopper.api.intake;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.hopper.api.problem.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hopper.api.admission.BacklogGuard;
import dev.hopper.api.admission.IntakeQuota;
import dev.hopper.api.auth.Tenant;
import dev.hopper.api.docs.UploadForms;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.status.BatchView;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.admission.RateLimiter;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/batches}: many files of one type in one multipart request, read as a
 * stream: each file goes to storage and becomes a queued task as it arrives, so a thousand
 * files never sit in memory. {@code type} and {@code params} come first, then the repeated
 * {@code files}. A file refused on its own (wrong kind, empty, too large) is listed in the
 * batch with its reason and does not stop the others.
 */
@RestController
class BatchIntakeController {

	/** Files made tasks together: one insert and one wait for the broker's confirms per this many. */
	static final int ACCEPTED_TOGETHER = 64;

	private static final String EXPECTED_FORM =
			"Send the files as multipart/form-data: type, optional params, then repeated files (type and params may "
					+ "also be query parameters)";

	private final UploadReceiver receiver;

	private final TaskIntake intake;

	private final BatchStore batches;

	private final TaskLifecycle tasks;

	private final BacklogGuard backlog;

	private final IntakeProperties properties;

	private final IntakeChecks checks;

	private final JsonMapper json;

	private final Clock clock;

	private final IntakeQuota quota;

	BatchIntakeController(UploadReceiver receiver, TaskIntake intake, BatchStore batches, TaskLifecycle tasks,
			BacklogGuard backlog, IntakeQuota quota, IntakeProperties properties, IntakeChecks checks, JsonMapper json,
			Clock clock) {
		this.backlog = backlog;
		this.quota = quota;
		this.receiver = receiver;
		this.intake = intake;
		this.batches = batches;
		this.tasks = tasks;
		this.properties = properties;
		this.checks = checks;
		this.json = json;
		this.clock = clock;
	}

	@Operation(summary = "Upload many files for one job type")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForms.BatchUpload.class)))
	@ApiResponse(responseCode = "202",
			description = "Accepted: the batch, its task ids and the files refused with their reasons", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"malformed_multipart", "truncated_body", "missing_files", "missing_type", "unknown_type",
			"type_must_come_first", "field_too_large", "invalid_params", "params_too_large", "params_too_deep",
			"duplicate_field", "conflicting_field"
	})
	@Refusal(status = 415, codes = { "not_multipart" })
	@Refusal(status = 422, codes = { "type_unavailable" })
	@Refusal(status = 429, codes = { "quota_exceeded" })
	@Refusal(status = 503, codes = { "backlog_full" })
	@PostMapping(path = "/api/v1/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<BatchView> submit(Tenant tenant, HttpServletRequest request) throws IOException {
		IncomingBatch upload = new IncomingBatch(tenant);
		String typeInQuery = FormFields.fromQuery(request, "type");
		String paramsInQuery = FormFields.fromQuery(request, "params");
		if (typeInQuery != null) {
			upload.type(typeInQuery);
		}
		if (paramsInQuery != null) {
			upload.params(paramsInQuery);
		}
		try {
			MultipartParts.read(request, EXPECTED_FORM,
					(field, fileName, content) -> {
						switch (field) {
							case "type" -> {
								String type = FormFields.agreed(typeInQuery, FormFields.read(content, "type"), "type");
								if (typeInQuery == null) {
									upload.type(type);
								}
							}
							case "params" -> {
								String params = FormFields.agreed(paramsInQuery, FormFields.read(content, "params"),
										"params");
								if (paramsInQuery == null) {
									upload.params(params);
								}
							}
							case "files", "file" -> upload.file(content, fileName);
							default -> {
								// not ours: skipped
							}
						}
					});
		}
		catch (RuntimeException | IOException ex) {
			upload.abandon();
			throw ex;
		}
		Batch batch = upload.finish();
		return ResponseEntity.accepted()
			.location(URI.create(BatchView.path(batch.id())))
			.body(BatchView.accepted(batch, upload.taskIds));
	}

	/** One batch request as its parts arrive. */
	private final class IncomingBatch {

		private final Tenant tenant;

		private @Nullable JobType type;

		private Map<String, Object> params = Map.of();

		private @Nullable Batch batch;

		private final List<String> taskIds = new ArrayList<>();

		/** Files stored, not yet tasks: accepted together, {@link #ACCEPTED_TOGETHER} at a time. */
		private final List<Task> received = new ArrayList<>();

		private final List<Batch.RefusedFile> refused = new ArrayList<>();

		IncomingBatch(Tenant tenant) {
			this.tenant = tenant;
		}

		void type(String name) {
			requireNoFilesYet("type");
			this.type = BatchIntakeController.this.checks.checkType(name);
			BatchIntakeController.this.backlog.admit(this.type);
		}

		void params(String text) {
			requireNoFilesYet("params");
			this.params = FormFields.params(text, BatchIntakeController.this.json);
		}

		void file(InputStream content, @Nullable String clientName) throws IOException {
			if (this.type == null) {
				throw ApiProblem.badRequest("type_must_come_first",
						"Send the 'type' field (and 'params') before the files, or give them as query parameters "
								+ "(POST /api/v1/batches?type=…), so each file can be checked as it arrives");
			}
			Batch batch = started();
			int limit = BatchIntakeController.this.properties.maxBatchFiles();
			if (files() >= limit) {
				content.transferTo(OutputStream.nullOutputStream());
				this.refused.add(new Batch.RefusedFile(FileNames.sanitise(clientName), "too_many_files",
						"A batch holds at most " + limit + " files"));
				return;
			}
			// the request took the first file's allowance; each further file takes its own
			if (files() > 0) {
				RateLimiter.Verdict verdict = BatchIntakeController.this.quota.take(this.tenant.id());
				if (!verdict.granted()) {
					content.transferTo(OutputStream.nullOutputStream());
					this.refused.add(new Batch.RefusedFile(FileNames.sanitise(clientName), "quota_exceeded",
							"This tenant may send " + BatchIntakeController.this.quota.perMinute(this.tenant.id())
									+ " files a minute; send it again in " + IntakeQuota.seconds(verdict) + " s"));
					return;
				}
			}
			String taskId = TimeOrderedId.next(BatchIntakeController.this.clock);
			String key = BlobKeys.upload(taskId);
			ReceivedFile file;
			try {
				file = BatchIntakeController.this.receiver.receive(key, content, clientName, this.type);
			}
			catch (ApiProblem refusal) {
				content.transferTo(OutputStream.nullOutputStream());
				this.refused.add(new Batch.RefusedFile(FileNames.sanitise(clientName), refusal.code(),
						refusal.getMessage()));
				return;
			}
			this.received.add(Task.accepted(taskId, this.tenant.id(), this.type, file.toUpload(), this.params,
					BatchIntakeController.this.clock.instant())
				.inBatch(batch.id()));
			if (this.received.size() >= ACCEPTED_TOGETHER) {
				acceptReceived();
			}
		}

		/** The files stored since the last call become tasks: one insert, their messages' confirms awaited together. */
		private void acceptReceived() {
			if (this.received.isEmpty()) {
				return;
			}
			List<Task> tasks = List.copyOf(this.received);
			this.received.clear();
			BatchIntakeController.this.intake.acceptAll(tasks);
			tasks.forEach((task) -> this.taskIds.add(task.id()));
		}

		Batch finish() {
			if (this.batch == null) {
				throw ApiProblem.badRequest("missing_files", "The batch has no 'files'");
			}
			acceptReceived();
			BatchIntakeController.this.batches.complete(this.batch.id(), this.refused);
			return this.batch.completed(this.refused);
		}

		private int files() {
			return this.taskIds.size() + this.received.size() + this.refused.size();
		}

		/** The request failed part-way: what it accepted is cancelled, and the batch says so. */
		void abandon() {
			this.received.forEach((task) -> BatchIntakeController.this.receiver.discard(task.upload().blobKey()));
			if (this.batch != null) {
				this.taskIds.forEach(BatchIntakeController.this.tasks::cancel);
				this.refused.add(new Batch.RefusedFile("", "upload_abandoned",
						"The batch request failed part-way; the files it had accepted were cancelled"));
				BatchIntakeController.this.batches.complete(this.batch.id(), this.refused);
			}
		}

		private Batch started() {
			if (this.batch == null) {
				this.batch = new Batch(TimeOrderedId.next(BatchIntakeController.this.clock), this.tenant.id(),
						this.type, this.params, BatchIntakeController.this.clock.instant(), List.of(), false);
				BatchIntakeController.this.batches.insert(this.batch);
			}
			return this.batch;
		}

		private void requireNoFilesYet(String field) {
			if (this.batch != null) {
				throw ApiProblem.badRequest(field + "_after_files",
						"Send '" + field + "' before the files: it applies to every file of the batch");
			}
		}

	}

}

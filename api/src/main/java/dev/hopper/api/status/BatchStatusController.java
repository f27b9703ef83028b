package dev.hopper.api.status;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.util.List;
import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/batches/{id}}: counts per state, the overall state and a page of its
 * tasks; {@code POST /api/v1/batches/{id}/redrive}: its FAILED tasks queued again.
 */
@RestController
@RequestMapping("/api/v1/batches/{id}")
class BatchStatusController {

	static final int MAX_PAGE_SIZE = 500;

	private final TenantBatches batches;

	private final TaskQueries tasks;

	private final TaskViews views;

	private final Redrive redrive;

	BatchStatusController(TenantBatches batches, TaskQueries tasks, TaskViews views, Redrive redrive) {
		this.batches = batches;
		this.tasks = tasks;
		this.views = views;
		this.redrive = redrive;
	}

	@Operation(summary = "A batch's counts by state, its overall state, and a page of its tasks")
	@ApiResponse(responseCode = "200", description = "The batch", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "invalid_page_size", "invalid_page_token", "invalid_parameter" })
	@Refusal(status = 404, codes = { "batch_not_found" })
	@GetMapping
	BatchView batch(Tenant tenant, @PathVariable String id, @RequestParam(defaultValue = "100") int pageSize,
			@RequestParam(required = false) @Nullable String pageToken) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw ApiProblem.badRequest("invalid_page_size", "pageSize is from 1 to " + MAX_PAGE_SIZE);
		}
		if (pageToken != null && !TimeOrderedId.isWellFormed(pageToken)) {
			throw ApiProblem.badRequest("invalid_page_token", "pageToken is the nextPageToken of an earlier page");
		}
		Batch batch = this.batches.find(tenant, id);
		List<Task> page = this.tasks.findInBatch(id, pageToken, pageSize + 1);
		String next = (page.size() > pageSize) ? page.get(pageSize - 1).id() : null;
		List<TaskView> views = page.stream().limit(pageSize).map(this.views::of).toList();
		return BatchView.of(batch, this.tasks.countByState(id), views, next);
	}

	@Operation(summary = "Queue a batch's FAILED tasks again")
	@ApiResponse(responseCode = "202", description = "How many tasks were queued again", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "batch_not_found" })
	@PostMapping("/redrive")
	ResponseEntity<Map<String, Object>> redrive(Tenant tenant, @PathVariable String id) {
		Batch batch = this.batches.find(tenant, id);
		int redriven = this.redrive.failedTasksOf(batch.id());
		return ResponseEntity.accepted().body(Map.of("batchId", batch.id(), "redriven", redriven));
	}

}

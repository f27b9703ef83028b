package dev.hopper.api.admin;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/v1/workers}: each worker process that beat lately, live ones first,
 * with what it runs now and how far each task is.
 */
@RestController
class WorkerAdminController {

	private final WorkerViews workers;

	WorkerAdminController(WorkerViews workers) {
		this.workers = workers;
	}

	@Operation(summary = "List the worker processes, live and lately lost")
	@ApiResponse(responseCode = "200", description = "The workers", useReturnTypeSchema = true)
	@GetMapping("/admin/v1/workers")
	List<WorkerViews.WorkerView> workers() {
		return this.workers.all();
	}

}

package dev.hopper.api.status;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.io.InputStream;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.task.Task;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tasks/{id}/overlay}: the PNG a {@code map-parse} task drew of what it
 * found, for its own tenant only. A task that reused an earlier result shows that run's.
 */
@RestController
class TaskOverlayController {

	private final TenantTasks tasks;

	private final BlobStore blobs;

	TaskOverlayController(TenantTasks tasks, BlobStore blobs) {
		this.tasks = tasks;
		this.blobs = blobs;
	}

	@Operation(summary = "A map-parse task's overlay: the plan with what was found drawn on it (PNG)")
	@ApiResponse(responseCode = "200", description = "The overlay image", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "task_not_found", "overlay_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@GetMapping("/api/v1/tasks/{id}/overlay")
	ResponseEntity<InputStreamResource> overlay(Tenant tenant, @PathVariable String id) {
		Task task = this.tasks.find(tenant, id);
		String key = BlobKeys.overlayOf(task);
		if (!this.blobs.exists(key)) {
			throw ApiProblem.notFound("overlay_not_found", "Task " + id + " has no overlay (yet)");
		}
		InputStream png = this.blobs.open(key, 0);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new InputStreamResource(png));
	}

}

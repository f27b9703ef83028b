package dev.hopper.api.status;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskLifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/tasks/{id}}: a queued task is CANCELLED at once (200); a running
 * one stops at its next chunk boundary and then ends CANCELLED (202 until it does).
 * Cancelling a cancelled task again is harmless; a finished one answers 409.
 */
@RestController
class TaskCancellationController {

	private final TenantTasks tenantTasks;

	private final TaskLifecycle tasks;

	TaskCancellationController(TenantTasks tenantTasks, TaskLifecycle tasks) {
		this.tenantTasks = tenantTasks;
		this.tasks = tasks;
	}

	@Operation(summary = "Cancel a task: at once when QUEUED, at its next chunk boundary when RUNNING")
	@ApiResponse(responseCode = "200", description = "Cancelled", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "202",
			description = "Cancel requested: the running job stops at its next chunk boundary", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "task_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@Refusal(status = 409, codes = { "task_finished" })
	@DeleteMapping("/api/v1/tasks/{id}")
	ResponseEntity<TaskView> cancel(Tenant tenant, @PathVariable String id) {
		this.tenantTasks.find(tenant, id);
		Task task = this.tasks.cancel(id).orElseThrow(() -> ApiProblem.notFound("task_not_found", "No task " + id));
		return switch (task.state()) {
			case CANCELLED -> ResponseEntity.ok(TaskView.of(task));
			case RUNNING, QUEUED -> ResponseEntity.accepted().body(TaskView.of(task));
			case SUCCEEDED, FAILED -> throw new ApiProblem(HttpStatus.CONFLICT, "task_finished",
					"The task already " + ((task.state() == TaskState.SUCCEEDED) ? "succeeded" : "failed")
							+ "; there is nothing to cancel");
		};
	}

}

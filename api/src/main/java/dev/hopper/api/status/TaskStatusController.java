package dev.hopper.api.status;

import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/tasks/{id}} and its result. An unknown id is always 404, never a state. */
@RestController
@RequestMapping("/api/v1/tasks/{id}")
class TaskStatusController {

	private final TenantTasks tasks;

	private final ResultStore results;

	TaskStatusController(TenantTasks tasks, ResultStore results) {
		this.tasks = tasks;
		this.results = results;
	}

	@GetMapping
	TaskView task(Tenant tenant, @PathVariable String id) {
		return TaskView.of(this.tasks.find(tenant, id));
	}

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

}

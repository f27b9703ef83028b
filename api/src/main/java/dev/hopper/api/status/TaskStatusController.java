package dev.hopper.api.status;

import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskStore;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/tasks/{id}} and its result. An unknown id is always 404, never a state. */
@RestController
@RequestMapping("/api/v1/tasks/{id}")
class TaskStatusController {

	private final TaskStore tasks;

	private final ResultStore results;

	TaskStatusController(TaskStore tasks, ResultStore results) {
		this.tasks = tasks;
		this.results = results;
	}

	@GetMapping
	TaskView task(Tenant tenant, @PathVariable String id) {
		return TaskView.of(find(tenant, id));
	}

	@GetMapping("/result")
	Map<String, Object> result(Tenant tenant, @PathVariable String id) {
		Task task = find(tenant, id);
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

	/** The tenant's task: another tenant's is answered exactly like one that does not exist. */
	private Task find(Tenant tenant, String id) {
		if (!TimeOrderedId.isWellFormed(id)) {
			throw ApiProblem.notFound("task_not_found", "No task " + id.replaceAll("\\p{Cntrl}", "?"));
		}
		return this.tasks.find(id)
			.filter((task) -> tenant.owns(task.tenantId()))
			.orElseThrow(() -> ApiProblem.notFound("task_not_found", "No task " + id));
	}

}

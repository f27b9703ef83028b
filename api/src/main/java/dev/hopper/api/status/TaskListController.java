package dev.hopper.api.status;

import java.util.List;

import dev.hopper.api.auth.Tenant;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task lists, newest first, by any mix of filters, a page at a time: {@code GET /api/v1/tasks}
 * for the caller's tasks, {@code GET /admin/v1/tasks} for an operator's view across tenants.
 * Pages are cut at task ids, which grow with time, so a page never shifts as tasks arrive.
 */
@RestController
class TaskListController {

	/** Counting stops here, so a total never costs a scan of everything. */
	static final long COUNT_CAP = 10_000;

	private final TaskQueries tasks;

	private final TaskViews views;

	private final JobTypes types;

	TaskListController(TaskQueries tasks, TaskViews views, JobTypes types) {
		this.tasks = tasks;
		this.views = views;
		this.types = types;
	}

	@Operation(summary = "List the caller's tasks")
	@GetMapping("/api/v1/tasks")
	TaskPage tenantTasks(Tenant tenant, @Parameter(description = "state, repeated or comma-separated") @RequestParam(
			required = false) @Nullable List<String> state, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String batchId,
			@RequestParam(required = false) @Nullable String sha256,
			@RequestParam(required = false) @Nullable String errorCode,
			@RequestParam(required = false) @Nullable Integer minAttempts,
			@RequestParam(required = false) @Nullable String createdAfter,
			@RequestParam(required = false) @Nullable String createdBefore,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable String pageToken) {
		TaskListQuery query = new TaskListQuery(state, type, batchId, sha256, errorCode, minAttempts, createdAfter,
				createdBefore, pageSize, pageToken);
		return page(query.filter(tenant.id(), this.types), query);
	}

	@Operation(summary = "List tasks of every tenant, or of one (operators)")
	@GetMapping("/admin/v1/tasks")
	TaskPage allTasks(@RequestParam(required = false) @Nullable String tenantId,
			@RequestParam(required = false) @Nullable List<String> state,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String batchId,
			@RequestParam(required = false) @Nullable String sha256,
			@RequestParam(required = false) @Nullable String errorCode,
			@RequestParam(required = false) @Nullable Integer minAttempts,
			@RequestParam(required = false) @Nullable String createdAfter,
			@RequestParam(required = false) @Nullable String createdBefore,
			@RequestParam(required = false) @Nullable Integer pageSize,
			@RequestParam(required = false) @Nullable String pageToken) {
		TaskListQuery query = new TaskListQuery(state, type, batchId, sha256, errorCode, minAttempts, createdAfter,
				createdBefore, pageSize, pageToken);
		return page(query.filter(tenantId, this.types), query);
	}

	private TaskPage page(TaskFilter filter, TaskListQuery query) {
		int limit = query.limit();
		List<Task> found = this.tasks.search(filter, query.before(), limit + 1);
		String next = (found.size() > limit) ? found.get(limit - 1).id() : null;
		List<TaskView> page = found.stream().limit(limit).map(this.views::inList).toList();
		long counted = this.tasks.count(filter, COUNT_CAP + 1);
		return new TaskPage(page, next, new TaskPage.Total(Math.min(counted, COUNT_CAP), counted <= COUNT_CAP));
	}

}

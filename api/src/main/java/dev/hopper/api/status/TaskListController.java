package dev.hopper.api.status;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.hopper.api.problem.Refusal;
import java.util.List;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task lists, newest first, by any mix of filters, a page at a time: {@code GET /api/v1/tasks}
 * for the caller's tasks, {@code GET /admin/v1/tasks} for an operator's view across tenants.
 * Pages are cut at task ids, which grow with time, so a page never shifts as tasks arrive.
 * The same filters cancel or redrive in bulk, after a dry run that only counts.
 */
@RestController
class TaskListController {

	/** Counting stops here, so a total never costs a scan of everything. */
	static final long COUNT_CAP = 10_000;

	private final TaskQueries tasks;

	private final TaskViews views;

	private final JobTypes types;

	private final BulkActions bulk;

	TaskListController(TaskQueries tasks, TaskViews views, JobTypes types, TaskLifecycle lifecycle, Redrive redrive) {
		this.tasks = tasks;
		this.views = views;
		this.types = types;
		this.bulk = new BulkActions(tasks, lifecycle, redrive);
	}

	@Operation(summary = "List the caller's tasks")
	@ApiResponse(responseCode = "200",
			description = "A page of tasks, newest first, with its total", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter"
	})
	@GetMapping("/api/v1/tasks")
	TaskPage tenantTasks(Tenant tenant, @ParameterObject TaskListQuery query) {
		return page(query.filter(tenant.id(), this.types), query);
	}

	@Operation(summary = "List tasks of every tenant, or of one (operators)")
	@ApiResponse(responseCode = "200",
			description = "A page of tasks, newest first, with its total", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter", "invalid_tenant_id"
	})
	@GetMapping("/admin/v1/tasks")
	TaskPage allTasks(@RequestParam(required = false) @Nullable String tenantId,
			@ParameterObject TaskListQuery query) {
		return page(query.filter(tenantId, this.types), query);
	}

	@Operation(summary = "Cancel the caller's QUEUED and RUNNING tasks the filters show (dryRun=true: only count)")
	@ApiResponse(responseCode = "200",
			description = "How many tasks matched and were (or would be) cancelled", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter"
	})
	@PostMapping("/api/v1/tasks/cancel")
	BulkActions.BulkResult cancel(Tenant tenant, @ParameterObject TaskListQuery query,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		return this.bulk.cancel(query.filter(tenant.id(), this.types), dryRun);
	}

	@Operation(summary = "Queue the caller's FAILED tasks the filters show again (dryRun=true: only count)")
	@ApiResponse(responseCode = "200",
			description = "How many tasks matched and were (or would be) queued again", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter"
	})
	@PostMapping("/api/v1/tasks/redrive")
	BulkActions.BulkResult redrive(Tenant tenant, @ParameterObject TaskListQuery query,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		return this.bulk.redrive(query.filter(tenant.id(), this.types), dryRun);
	}

	@Operation(summary = "Cancel tasks of every tenant, or of one, the filters show (operators)")
	@ApiResponse(responseCode = "200",
			description = "How many tasks matched and were (or would be) cancelled", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter", "invalid_tenant_id"
	})
	@PostMapping("/admin/v1/tasks/cancel")
	BulkActions.BulkResult cancelAny(@RequestParam(required = false) @Nullable String tenantId,
			@ParameterObject TaskListQuery query, @RequestParam(defaultValue = "false") boolean dryRun) {
		return this.bulk.cancel(query.filter(tenantId, this.types), dryRun);
	}

	@Operation(summary = "Queue FAILED tasks of every tenant, or of one, the filters show again (operators)")
	@ApiResponse(responseCode = "200",
			description = "How many tasks matched and were (or would be) queued again", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = {
			"invalid_state", "unknown_type", "invalid_batch_id", "invalid_error_code", "invalid_min_attempts",
			"invalid_page_size", "invalid_page_token", "invalid_time", "invalid_parameter", "invalid_tenant_id"
	})
	@PostMapping("/admin/v1/tasks/redrive")
	BulkActions.BulkResult redriveAny(@RequestParam(required = false) @Nullable String tenantId,
			@ParameterObject TaskListQuery query, @RequestParam(defaultValue = "false") boolean dryRun) {
		return this.bulk.redrive(query.filter(tenantId, this.types), dryRun);
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

package dev.hopper.api.status;

import java.util.Optional;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Task;

import org.springframework.stereotype.Component;

/**
 * A tenant's view of the task store: another tenant's task is answered exactly like one
 * that does not exist (404), so ids reveal nothing across tenants. Reads go through
 * {@link RecentTasks}.
 */
@Component
public class TenantTasks {

	private final RecentTasks tasks;

	TenantTasks(RecentTasks tasks) {
		this.tasks = tasks;
	}

	/** The task as stored now, after {@link #find} has shown it is the tenant's. */
	Optional<Task> reload(Task task) {
		return this.tasks.find(task.id());
	}

	public Task find(Tenant tenant, String id) {
		if (!TimeOrderedId.isWellFormed(id)) {
			throw ApiProblem.notFound("task_not_found", "No task " + id.replaceAll("\\p{Cntrl}", "?"));
		}
		return this.tasks.find(id)
			.filter((task) -> tenant.owns(task.tenantId()))
			.orElseThrow(() -> ApiProblem.notFound("task_not_found", "No task " + id));
	}

}

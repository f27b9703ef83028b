package dev.hopper.api.status;

import java.util.Optional;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskRetention;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A tenant's view of the task store: another tenant's task is answered exactly like one
 * that does not exist (404), so ids reveal nothing across tenants. Reads go through
 * {@link RecentTasks}.
 */
@Component
public class TenantTasks {

	private final RecentTasks tasks;

	private final TaskRetention retention;

	TenantTasks(RecentTasks tasks, TaskRetention retention) {
		this.tasks = tasks;
		this.retention = retention;
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
			.orElseThrow(() -> gone(tenant, id));
	}

	/** 410 for the tenant's task that retention removed, else 404. */
	private ApiProblem gone(Tenant tenant, String id) {
		return this.retention.findExpired(id)
			.filter((expired) -> tenant.owns(expired.tenantId()))
			.map((expired) -> new ApiProblem(HttpStatus.GONE, "task_expired",
					"Task " + id + " finished at " + expired.finishedAt() + " and was removed at " + expired.expiredAt()
							+ ", past the time finished tasks are kept"))
			.orElseGet(() -> ApiProblem.notFound("task_not_found", "No task " + id));
	}

}

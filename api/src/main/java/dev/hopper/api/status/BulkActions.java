package dev.hopper.api.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;

/**
 * Cancel or redrive every task a filter shows, or only count them first (a dry run). One
 * request works through at most {@link #MAX_PER_REQUEST} tasks and says whether it is done;
 * the same request again goes on, since tasks it changed no longer match.
 */
class BulkActions {

	static final int MAX_PER_REQUEST = 10_000;

	private static final int PAGE = 500;

	private static final Set<TaskState> CANCELLABLE = EnumSet.of(TaskState.QUEUED, TaskState.RUNNING);

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final Redrive redrive;

	BulkActions(TaskQueries tasks, TaskLifecycle lifecycle, Redrive redrive) {
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.redrive = redrive;
	}

	/** Cancels the QUEUED and RUNNING tasks {@code filter} shows (a running one stops at its next chunk). */
	BulkResult cancel(TaskFilter filter, boolean dryRun) {
		Set<TaskState> states = filter.states().isEmpty() ? CANCELLABLE : EnumSet.copyOf(filter.states());
		states.retainAll(CANCELLABLE);
		if (states.isEmpty()) {
			throw ApiProblem.badRequest("invalid_state", "Only QUEUED and RUNNING tasks can be cancelled");
		}
		return apply("cancel", narrowed(filter, states), dryRun, (task) -> this.lifecycle.cancel(task.id())
			.filter((after) -> after.state() == TaskState.CANCELLED || after.cancelRequested())
			.isPresent());
	}

	/** Queues the FAILED tasks {@code filter} shows again, with fresh attempts. */
	BulkResult redrive(TaskFilter filter, boolean dryRun) {
		if (!filter.states().isEmpty() && !filter.states().equals(Set.of(TaskState.FAILED))) {
			throw ApiProblem.badRequest("invalid_state", "Only FAILED tasks can be redriven");
		}
		return apply("redrive", narrowed(filter, Set.of(TaskState.FAILED)), dryRun, this.redrive::task);
	}

	private BulkResult apply(String action, TaskFilter filter, boolean dryRun, Change change) {
		if (dryRun) {
			long matched = this.tasks.count(filter, MAX_PER_REQUEST + 1);
			return new BulkResult(action, true, Math.min(matched, MAX_PER_REQUEST), 0, matched <= MAX_PER_REQUEST);
		}
		long matched = 0;
		long changed = 0;
		String before = null;
		while (matched < MAX_PER_REQUEST) {
			List<Task> page = this.tasks.search(filter, before, (int) Math.min(PAGE, MAX_PER_REQUEST - matched));
			for (Task task : page) {
				matched++;
				changed += change.apply(task) ? 1 : 0;
			}
			if (page.isEmpty() || page.size() < PAGE) {
				return new BulkResult(action, false, matched, changed, true);
			}
			before = page.get(page.size() - 1).id();
		}
		return new BulkResult(action, false, matched, changed, this.tasks.search(filter, before, 1).isEmpty());
	}

	private static TaskFilter narrowed(TaskFilter filter, Set<TaskState> states) {
		return new TaskFilter(filter.tenantId(), states, filter.type(), filter.batchId(), filter.sha256(),
				filter.errorCode(), filter.minAttempts(), filter.createdAfter(), filter.createdBefore());
	}

	@FunctionalInterface
	private interface Change {

		boolean apply(Task task);

	}

	/**
	 * What a bulk action did, or would do.
	 *
	 * @param action {@code cancel} or {@code redrive}
	 * @param dryRun true when nothing was changed, only counted
	 * @param matched tasks the filter showed (this request's share)
	 * @param changed tasks cancelled or queued again
	 * @param complete false when more tasks match than one request works through: send it again
	 */
	record BulkResult(String action, boolean dryRun, long matched, long changed, boolean complete) {
	}

}

package dev.hopper.api.console;

import java.util.List;
import java.util.Set;

import dev.hopper.api.status.TaskListQuery;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskQueries;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/** A page of the task list for a session, and its rows as HTML for a live list to swap in. */
@Component
class ConsoleTaskPages {

	static final int PAGE = 50;

	private final TaskQueries tasks;

	private final JobTypes types;

	private final ITemplateEngine templates;

	ConsoleTaskPages(TaskQueries tasks, JobTypes types, ITemplateEngine templates) {
		this.tasks = tasks;
		this.types = types;
		this.templates = templates;
	}

	TaskPageView page(ConsoleSession session, TaskListQuery query) {
		TaskFilter filter = check(session, query);
		int limit = Math.min(query.limit(), PAGE);
		List<Task> found = this.tasks.search(filter, query.before(), limit + 1);
		String next = (found.size() > limit) ? found.get(limit - 1).id() : null;
		return new TaskPageView(found.stream().limit(limit).map(TaskView::of).toList(), next);
	}

	/** The query's filter for this session, each parameter checked: a bad one is a 400 now. */
	TaskFilter check(ConsoleSession session, TaskListQuery query) {
		query.limit();
		query.before();
		return query.filter(session.tenantId(), this.types);
	}

	/** The rows alone, as the list page's "rows" fragment draws them. */
	String rows(TaskPageView page) {
		Context context = new Context();
		context.setVariable("page", page);
		return this.templates.process("console/tasks", Set.of("rows"), context);
	}

	/**
	 * @param tasks newest first
	 * @param nextPageToken for the next page's link; null on the last
	 */
	public record TaskPageView(List<TaskView> tasks, @Nullable String nextPageToken) {
	}

}

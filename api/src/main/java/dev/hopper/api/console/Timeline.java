package dev.hopper.api.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskEvent;
import org.jspecify.annotations.Nullable;

/**
 * A task's timeline as its page shows it: accepted, published, each step of its history,
 * and the last sign of life while it runs.
 *
 * @param at when
 * @param what the step in words
 * @param state the state it left the task in ("" when it changed none)
 * @param detail the worker or the error it concerned
 */
public record Timeline(Instant at, String what, String state, String detail) {

	/** @param operator whether to name the workers (a process on a host): the operator's to know, not a tenant's */
	static List<Timeline> of(Task task, List<TaskEvent> history, boolean operator) {
		List<Timeline> rows = new ArrayList<>();
		rows.add(new Timeline(task.createdAt(), "Accepted", "QUEUED", ""));
		if (history.isEmpty() && task.publishedAt() != null) {
			rows.add(new Timeline(task.publishedAt(), "Published to its queue", "", ""));
		}
		for (TaskEvent event : history) {
			rows.add(new Timeline(event.at(), words(event.what()), event.state().name(), detail(event, operator)));
		}
		if (task.state() == dev.hopper.core.task.TaskState.RUNNING && task.heartbeatAt() != null) {
			rows.add(new Timeline(task.heartbeatAt(), "Last heartbeat", "", operator ? text(task.workerId()) : ""));
		}
		return rows;
	}

	private static String words(TaskEvent.Step step) {
		String name = step.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static String detail(TaskEvent event, boolean operator) {
		if (event.error() != null) {
			return event.error().code() + ": " + event.error().message();
		}
		return (operator && event.workerId() != null) ? "by " + event.workerId() : "";
	}

	private static String text(@Nullable String value) {
		return (value != null) ? "from " + value : "";
	}

}

package dev.hopper.core.task;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.hopper.core.task.TaskState.CANCELLED;
import static dev.hopper.core.task.TaskState.FAILED;
import static dev.hopper.core.task.TaskState.QUEUED;
import static dev.hopper.core.task.TaskState.RUNNING;
import static dev.hopper.core.task.TaskState.SUCCEEDED;

/**
 * The single table of allowed task state changes. Stores apply a change only when the
 * stored state is one this table allows as its source, so concurrent writers cannot
 * break it.
 */
public final class TaskTransitions {

	private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

	static {
		// QUEUED -> SUCCEEDED: a worker died after storing the result but before marking the
		// task done; the result is the work, so the task succeeds without running again
		ALLOWED.put(QUEUED, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED));
		// RUNNING -> RUNNING: a new worker takes over a task whose lease expired
		// RUNNING -> QUEUED: a transient failure gives the task back for another attempt
		ALLOWED.put(RUNNING, EnumSet.of(RUNNING, QUEUED, SUCCEEDED, FAILED, CANCELLED));
		ALLOWED.put(SUCCEEDED, EnumSet.noneOf(TaskState.class));
		// FAILED -> QUEUED: a client redrives its batch's failures for a new round of attempts
		ALLOWED.put(FAILED, EnumSet.of(QUEUED));
		ALLOWED.put(CANCELLED, EnumSet.noneOf(TaskState.class));
	}

	private TaskTransitions() {
	}

	public static boolean isAllowed(TaskState from, TaskState to) {
		return ALLOWED.get(from).contains(to);
	}

	/** The states from which a task may move to {@code target}. */
	public static Set<TaskState> sourcesOf(TaskState target) {
		Set<TaskState> sources = EnumSet.noneOf(TaskState.class);
		ALLOWED.forEach((from, targets) -> {
			if (targets.contains(target)) {
				sources.add(from);
			}
		});
		return sources;
	}

}

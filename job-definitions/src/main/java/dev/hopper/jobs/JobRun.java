package dev.hopper.jobs;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;

/**
 * The task whose job runs on this thread, as its claim read it, and whether the run's record
 * is kept to resume from. A job reads its task's upload from here instead of asking the store
 * again (the upload never changes after intake), and a run that is never resumed keeps its
 * state as live objects instead of checkpoints. That holds because a job runs entirely on the
 * thread that starts it.
 */
public final class JobRun {

	private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

	private JobRun() {
	}

	/** Runs {@code job} as {@code task}'s run; {@code resumable} when its record outlives the run. */
	public static <T> T of(Task task, boolean resumable, Callable<T> job) throws Exception {
		CURRENT.set(new Current(task, resumable));
		try {
			return job.call();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** Task {@code id} as its claim read it, or from {@code tasks} when no run of it is on this thread. */
	public static Task task(String id, TaskQueries tasks) {
		Current current = CURRENT.get();
		Optional<Task> task = (current != null && current.task().id().equals(id)) ? Optional.of(current.task())
				: tasks.find(id);
		return task.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + id + " does not exist"));
	}

	/** Whether this run may be resumed from its record: true outside a run, the safe answer. */
	public static boolean resumable() {
		Current current = CURRENT.get();
		return current == null || current.resumable();
	}

	private record Current(Task task, boolean resumable) {
	}

}

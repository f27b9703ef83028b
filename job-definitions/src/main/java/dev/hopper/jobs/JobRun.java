package dev.hopper.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import org.jspecify.annotations.Nullable;

/**
 * One run of a task's job on this thread: the task as its claim read it, whether the run's
 * record is kept to resume from, and what the run told the store. A job reads its task's
 * upload from here instead of asking the store again (the upload never changes after
 * intake); a run that is never resumed keeps its state as live objects instead of
 * checkpoints; progress is written at most once per {@link #PACE}, the last report riding on
 * the update that finishes the task. That holds because a job runs entirely on the thread
 * that starts it.
 */
public final class JobRun {

	/**
	 * How often a run writes its progress and asks whether to stop: a task's store record is
	 * read by every client polling it, and a small file's job is over long before a person
	 * would see a step.
	 */
	public static final Duration PACE = Duration.ofMillis(250);

	private static final ThreadLocal<JobRun> CURRENT = new ThreadLocal<>();

	private final Task task;

	private final boolean resumable;

	private final Pace writes = new Pace();

	private @Nullable Progress unwritten;

	private @Nullable Boolean degraded;

	public JobRun(Task task, boolean resumable) {
		this.task = task;
		this.resumable = resumable;
	}

	/** Runs {@code job} as {@code task}'s run; {@code resumable} when its record outlives the run. */
	public static <T> T of(Task task, boolean resumable, Callable<T> job) throws Exception {
		return new JobRun(task, resumable).call(job);
	}

	/** Runs {@code job} on this thread as this run. */
	public <T> T call(Callable<T> job) throws Exception {
		CURRENT.set(this);
		try {
			return job.call();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** Task {@code id} as its claim read it, or from {@code tasks} when no run of it is on this thread. */
	public static Task task(String id, TaskQueries tasks) {
		JobRun current = of(id);
		Optional<Task> task = (current != null) ? Optional.of(current.task) : tasks.find(id);
		return task.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + id + " does not exist"));
	}

	/** Whether this run may be resumed from its record: true outside a run, the safe answer. */
	public static boolean resumable() {
		JobRun current = CURRENT.get();
		return current == null || current.resumable;
	}

	/**
	 * Reports task {@code id}'s progress: written now when a {@link #PACE} has passed since
	 * the run began or last wrote, otherwise kept for the next report or the finishing update.
	 */
	public static void report(TaskLifecycle tasks, String id, Progress progress) {
		JobRun current = of(id);
		if (current == null || current.writes.due()) {
			tasks.reportProgress(id, progress);
			if (current != null) {
				current.unwritten = null;
			}
		}
		else {
			current.unwritten = progress;
		}
	}

	/** Stores task {@code id}'s result once, and notes whether it was a degraded one. */
	public static boolean save(ResultStore results, String id, Map<String, Object> document) {
		boolean saved = results.saveOnce(id, document);
		JobRun current = of(id);
		if (current != null) {
			current.degraded = ResultCache.isDegraded(document);
		}
		return saved;
	}

	public Task task() {
		return this.task;
	}

	public boolean isResumable() {
		return this.resumable;
	}

	/** The last progress reported and not yet written, for the update that finishes the task. */
	public @Nullable Progress unwrittenProgress() {
		return this.unwritten;
	}

	/** Whether the result this run stored is degraded; empty when it stored none. */
	public Optional<Boolean> storedDegraded() {
		return Optional.ofNullable(this.degraded);
	}

	private static @Nullable JobRun of(String id) {
		JobRun current = CURRENT.get();
		return (current != null && current.task.id().equals(id)) ? current : null;
	}

}

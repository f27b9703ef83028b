package dev.hopper.workers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.intake.Fingerprint;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultCacheKey;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;

/**
 * The same file, job type, parameters and engine version give the same result: a task
 * whose work a succeeded task of its tenant already did gets that result without running
 * its job, and says where it came from.
 */
class ResultReuse {

	private final ResultCache cache;

	private final ResultStore results;

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final Map<JobType, String> engineVersions = new HashMap<>();

	ResultReuse(ResultCache cache, ResultStore results, TaskQueries tasks, TaskLifecycle lifecycle,
			List<EngineVersion> engines) {
		this.cache = cache;
		this.results = results;
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		engines.forEach((engine) -> this.engineVersions.put(engine.type(), engine.version()));
	}

	/** Finishes {@code task} with an earlier run's result; false when there is none to reuse. */
	boolean reuse(Task task) {
		Optional<String> origin = keyOf(task).flatMap(this.cache::find).filter((id) -> !id.equals(task.id()));
		if (origin.isEmpty()) {
			return false;
		}
		Optional<Map<String, Object>> result = this.results.find(origin.get());
		if (result.isEmpty()) {
			return false;
		}
		this.results.saveOnce(task.id(), result.get());
		return this.lifecycle.succeedFromCache(task.id(), origin.get());
	}

	/**
	 * Finishes the task with its own stored result: its last step wrote it before its worker
	 * died or its job failed to record the end, so the work is done. False when none is stored.
	 */
	boolean finishStored(String taskId) {
		Optional<Map<String, Object>> result = this.results.find(taskId);
		if (result.isEmpty()) {
			return false;
		}
		this.lifecycle.succeed(taskId);
		this.tasks.find(taskId).ifPresent((task) -> remember(task, result.get()));
		return true;
	}

	/**
	 * Remembers that {@code task} succeeded, for later tasks of the same work, unless its
	 * result is degraded: as its run said, or as the stored result says when the run stored none.
	 */
	void remember(Task task, Optional<Boolean> degraded) {
		boolean unfit = degraded
			.orElseGet(() -> this.results.find(task.id()).map(ResultCache::isDegraded).orElse(true));
		if (!unfit) {
			keyOf(task).ifPresent((key) -> this.cache.remember(key, task.id()));
		}
	}

	private void remember(Task task, Map<String, Object> result) {
		remember(task, Optional.of(ResultCache.isDegraded(result)));
	}

	private Optional<ResultCacheKey> keyOf(Task task) {
		String version = this.engineVersions.get(task.type());
		return (version == null) ? Optional.empty()
				: Optional.of(new ResultCacheKey(task.tenantId(), task.type(), task.upload().sha256(),
						Fingerprint.ofParams(task.params()), version));
	}

}

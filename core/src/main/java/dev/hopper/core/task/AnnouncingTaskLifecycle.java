package dev.hopper.core.task;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A {@link TaskLifecycle} that announces every change it makes on a {@link TaskChangeFeed}. */
public final class AnnouncingTaskLifecycle implements TaskLifecycle {

	private final TaskLifecycle lifecycle;

	private final TaskChangeFeed feed;

	public AnnouncingTaskLifecycle(TaskLifecycle lifecycle, TaskChangeFeed feed) {
		this.lifecycle = lifecycle;
		this.feed = feed;
	}

	@Override
	public void insert(Task task) {
		this.lifecycle.insert(task);
	}

	@Override
	public void insertAll(java.util.List<Task> tasks) {
		this.lifecycle.insertAll(tasks);
	}

	@Override
	public Claim claim(String id, String workerId, int maxAttempts) {
		Claim claim = this.lifecycle.claim(id, workerId, maxAttempts);
		if (claim.outcome() == Claim.Outcome.CLAIMED) {
			this.feed.announce(id);
		}
		return claim;
	}

	@Override
	public void reportProgress(String id, Progress progress) {
		this.lifecycle.reportProgress(id, progress);
		this.feed.announce(id);
	}

	/** Not announced: a heartbeat is no change a waiting client asked about. */
	@Override
	public void heartbeat(String id) {
		this.lifecycle.heartbeat(id);
	}

	@Override
	public boolean succeed(String id, @Nullable Progress progress) {
		return announced(id, this.lifecycle.succeed(id, progress));
	}

	@Override
	public boolean succeedFromCache(String id, String originTaskId) {
		return announced(id, this.lifecycle.succeedFromCache(id, originTaskId));
	}

	@Override
	public boolean fail(String id, TaskError error) {
		return announced(id, this.lifecycle.fail(id, error));
	}

	@Override
	public Optional<Task> cancel(String id) {
		Optional<Task> task = this.lifecycle.cancel(id);
		this.feed.announce(id);
		return task;
	}

	@Override
	public boolean shouldStop(String id) {
		return this.lifecycle.shouldStop(id);
	}

	@Override
	public boolean cancelled(String id) {
		return announced(id, this.lifecycle.cancelled(id));
	}

	@Override
	public boolean handBack(String id) {
		return announced(id, this.lifecycle.handBack(id));
	}

	@Override
	public boolean requeue(String id, TaskError error, Instant retryAt) {
		return announced(id, this.lifecycle.requeue(id, error, retryAt));
	}

	@Override
	public boolean releaseOrphan(String id, String workerId, Instant silentSince, TaskError error) {
		return announced(id, this.lifecycle.releaseOrphan(id, workerId, silentSince, error));
	}

	@Override
	public boolean redrive(String id) {
		return announced(id, this.lifecycle.redrive(id));
	}

	private boolean announced(String id, boolean changed) {
		if (changed) {
			this.feed.announce(id);
		}
		return changed;
	}

}

package dev.hopper.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A {@link TaskStore} that announces every change it makes on a {@link TaskChangeFeed}. */
public final class AnnouncingTaskStore implements TaskStore {

	private final TaskStore store;

	private final TaskChangeFeed feed;

	public AnnouncingTaskStore(TaskStore store, TaskChangeFeed feed) {
		this.store = store;
		this.feed = feed;
	}

	@Override
	public void insert(Task task) {
		this.store.insert(task);
	}

	@Override
	public Optional<Task> find(String id) {
		return this.store.find(id);
	}

	@Override
	public Claim claim(String id, String workerId, int maxAttempts) {
		Claim claim = this.store.claim(id, workerId, maxAttempts);
		if (claim.outcome() == Claim.Outcome.CLAIMED) {
			this.feed.announce(id);
		}
		return claim;
	}

	@Override
	public void reportProgress(String id, Progress progress) {
		this.store.reportProgress(id, progress);
		this.feed.announce(id);
	}

	/** Not announced: a heartbeat is no change a waiting client asked about. */
	@Override
	public void heartbeat(String id) {
		this.store.heartbeat(id);
	}

	@Override
	public boolean succeed(String id) {
		return announced(id, this.store.succeed(id));
	}

	@Override
	public boolean succeedFromCache(String id, String originTaskId) {
		return announced(id, this.store.succeedFromCache(id, originTaskId));
	}

	@Override
	public boolean fail(String id, TaskError error) {
		return announced(id, this.store.fail(id, error));
	}

	@Override
	public Optional<Task> cancel(String id) {
		Optional<Task> task = this.store.cancel(id);
		this.feed.announce(id);
		return task;
	}

	@Override
	public boolean shouldStop(String id) {
		return this.store.shouldStop(id);
	}

	@Override
	public boolean cancelled(String id) {
		return announced(id, this.store.cancelled(id));
	}

	@Override
	public boolean handBack(String id) {
		return announced(id, this.store.handBack(id));
	}

	@Override
	public boolean requeue(String id, TaskError error, Instant retryAt) {
		return announced(id, this.store.requeue(id, error, retryAt));
	}

	@Override
	public boolean releaseOrphan(String id, String workerId, Instant silentSince, TaskError error) {
		return announced(id, this.store.releaseOrphan(id, workerId, silentSince, error));
	}

	@Override
	public List<Task> findSilentRunning(Instant before, int limit) {
		return this.store.findSilentRunning(before, limit);
	}

	@Override
	public long countFinishedSince(JobType type, Instant since) {
		return this.store.countFinishedSince(type, since);
	}

	@Override
	public List<Task> findQueuedPublishedBefore(JobType type, Instant before, int limit) {
		return this.store.findQueuedPublishedBefore(type, before, limit);
	}

	@Override
	public long queuedAhead(Task task) {
		return this.store.queuedAhead(task);
	}

	@Override
	public Map<TaskState, Long> countByState(String batchId) {
		return this.store.countByState(batchId);
	}

	@Override
	public List<Task> findInBatch(String batchId, @Nullable String afterId, int limit) {
		return this.store.findInBatch(batchId, afterId, limit);
	}

	@Override
	public List<Task> findFailedInBatch(String batchId, int limit) {
		return this.store.findFailedInBatch(batchId, limit);
	}

	@Override
	public boolean redrive(String id) {
		return announced(id, this.store.redrive(id));
	}

	@Override
	public Optional<Task> findLatestByContent(String tenantId, String sha256) {
		return this.store.findLatestByContent(tenantId, sha256);
	}

	@Override
	public Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts) {
		return this.store.claimDueWebhook(now, leaseUntil, maxAttempts);
	}

	@Override
	public void webhookDelivered(String id, Instant at) {
		this.store.webhookDelivered(id, at);
	}

	@Override
	public void webhookFailed(String id, String error, Instant nextAt) {
		this.store.webhookFailed(id, error, nextAt);
	}

	@Override
	public void markPublished(String id) {
		this.store.markPublished(id);
	}

	@Override
	public List<Task> findUnpublished(Duration age, int limit) {
		return this.store.findUnpublished(age, limit);
	}

	private boolean announced(String id, boolean changed) {
		if (changed) {
			this.feed.announce(id);
		}
		return changed;
	}

}

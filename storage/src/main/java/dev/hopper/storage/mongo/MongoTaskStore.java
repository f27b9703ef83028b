package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.task.Claim;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskStore;
import dev.hopper.core.task.TaskTransitions;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@link TaskStore} on MongoDB. Each state change filters on the source states that
 * {@link TaskTransitions} allows, so it applies at most once however many workers race.
 */
class MongoTaskStore implements TaskStore {

	static final String COLLECTION = "tasks";

	private final MongoOperations mongo;

	private final Clock clock;

	MongoTaskStore(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("published", Sort.Direction.ASC).on("createdAt",
				Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("webhook.deliveredAt", Sort.Direction.ASC)
			.on("webhook.nextAt", Sort.Direction.ASC)
			.sparse());
		mongo.indexOps(COLLECTION).createIndex(new Index().on("type", Sort.Direction.ASC)
			.on("finishedAt", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("batchId", Sort.Direction.ASC)
			.on("state", Sort.Direction.ASC)
			.on("_id", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
			.on("upload.sha256", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC));
		// queue positions: ids are time-ordered, so "accepted before" is "smaller id"
		mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
			.on("type", Sort.Direction.ASC)
			.on("_id", Sort.Direction.ASC));
	}

	@Override
	public void insert(Task task) {
		this.mongo.insert(task, COLLECTION);
	}

	@Override
	public Optional<Task> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Task.class, COLLECTION));
	}

	@Override
	public Claim claim(String id, String workerId, int maxAttempts) {
		Instant now = this.clock.instant();
		Query claimable = query(where("_id").is(id)
			.and("state")
			.in(TaskTransitions.sourcesOf(TaskState.RUNNING))
			.and("attempts")
			.lt(maxAttempts));
		Update update = new Update().set("state", TaskState.RUNNING)
			.set("workerId", workerId)
			.set("heartbeatAt", now)
			.inc("attempts", 1);
		Task claimed = this.mongo.findAndModify(claimable, update, FindAndModifyOptions.options().returnNew(true),
				Task.class, COLLECTION);
		if (claimed != null) {
			if (claimed.startedAt() == null) {
				this.mongo.updateFirst(query(where("_id").is(id).and("startedAt").is(null)),
						Update.update("startedAt", now), COLLECTION);
			}
			return new Claim(Claim.Outcome.CLAIMED, claimed);
		}
		Task current = find(id).orElse(null);
		if (current == null) {
			return new Claim(Claim.Outcome.UNKNOWN, null);
		}
		return new Claim(current.state().isTerminal() ? Claim.Outcome.ALREADY_FINISHED : Claim.Outcome.EXHAUSTED,
				current);
	}

	@Override
	public void reportProgress(String id, Progress progress) {
		this.mongo.updateFirst(query(where("_id").is(id).and("state").is(TaskState.RUNNING)),
				new Update().set("progress", progress).set("heartbeatAt", this.clock.instant()), COLLECTION);
	}

	@Override
	public void heartbeat(String id) {
		this.mongo.updateFirst(query(where("_id").is(id).and("state").is(TaskState.RUNNING)),
				Update.update("heartbeatAt", this.clock.instant()), COLLECTION);
	}

	@Override
	public boolean succeed(String id) {
		return moveTo(id, TaskState.SUCCEEDED, new Update());
	}

	@Override
	public boolean succeedFromCache(String id, String originTaskId) {
		return moveTo(id, TaskState.SUCCEEDED, Update.update("cachedFrom", originTaskId), TaskState.RUNNING);
	}

	@Override
	public boolean fail(String id, TaskError error) {
		return moveTo(id, TaskState.FAILED, Update.update("error", error));
	}

	@Override
	public Optional<Task> cancel(String id) {
		if (!moveTo(id, TaskState.CANCELLED, new Update(), TaskState.QUEUED)) {
			this.mongo.updateFirst(query(where("_id").is(id).and("state").is(TaskState.RUNNING)),
					Update.update("cancelRequested", true), COLLECTION);
		}
		return find(id);
	}

	@Override
	public boolean shouldStop(String id) {
		Query stop = query(new Criteria().orOperator(where("cancelRequested").is(true),
				where("state").in(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)))
			.addCriteria(where("_id").is(id));
		return this.mongo.exists(stop, COLLECTION);
	}

	@Override
	public boolean cancelled(String id) {
		return moveTo(id, TaskState.CANCELLED, new Update(), TaskState.RUNNING);
	}

	@Override
	public boolean handBack(String id) {
		return moveTo(id, TaskState.QUEUED, new Update().inc("attempts", -1).unset("workerId"), TaskState.RUNNING);
	}

	@Override
	public boolean requeue(String id, TaskError error, Instant retryAt) {
		Update update = new Update().set("error", error).set("published", false).set("retryAt", retryAt).unset("workerId");
		return moveTo(id, TaskState.QUEUED, update, TaskState.RUNNING);
	}

	@Override
	public boolean releaseOrphan(String id, String workerId, Instant silentSince, TaskError error) {
		Criteria stillSilent = where("workerId").is(workerId).and("heartbeatAt").lt(silentSince);
		Update update = new Update().set("error", error).set("published", false).unset("workerId");
		return moveTo(id, TaskState.QUEUED, update, stillSilent, TaskState.RUNNING);
	}

	@Override
	public List<Task> findSilentRunning(Instant before, int limit) {
		return this.mongo.find(query(where("state").is(TaskState.RUNNING).and("heartbeatAt").lt(before))
			.with(Sort.by("heartbeatAt"))
			.limit(limit), Task.class, COLLECTION);
	}

	@Override
	public long countFinishedSince(JobType type, Instant since) {
		return this.mongo.count(query(where("type").is(type).and("finishedAt").gte(since)), COLLECTION);
	}

	@Override
	public List<Task> findQueuedPublishedBefore(JobType type, Instant before, int limit) {
		return this.mongo.find(query(where("state").is(TaskState.QUEUED)
			.and("type")
			.is(type)
			.and("published")
			.is(true)
			.and("publishedAt")
			.lt(before)).with(Sort.by("publishedAt")).limit(limit), Task.class, COLLECTION);
	}

	@Override
	public long queuedAhead(Task task) {
		return this.mongo.count(query(where("state").is(TaskState.QUEUED)
			.and("type")
			.is(task.type())
			.and("_id")
			.lt(task.id())), COLLECTION);
	}

	@Override
	public Map<TaskState, Long> countByState(String batchId) {
		Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
		for (TaskState state : TaskState.values()) {
			long count = this.mongo.count(query(where("batchId").is(batchId).and("state").is(state)), COLLECTION);
			if (count > 0) {
				counts.put(state, count);
			}
		}
		return counts;
	}

	@Override
	public List<Task> findInBatch(String batchId, @Nullable String afterId, int limit) {
		Criteria inBatch = where("batchId").is(batchId);
		if (afterId != null) {
			inBatch = inBatch.and("_id").gt(afterId);
		}
		return this.mongo.find(query(inBatch).with(Sort.by("_id")).limit(limit), Task.class, COLLECTION);
	}

	@Override
	public List<Task> findFailedInBatch(String batchId, int limit) {
		return this.mongo.find(query(where("batchId").is(batchId).and("state").is(TaskState.FAILED))
			.with(Sort.by("_id"))
			.limit(limit), Task.class, COLLECTION);
	}

	@Override
	public boolean redrive(String id) {
		Update update = new Update().set("attempts", 0)
			.set("published", false)
			.unset("finishedAt")
			.unset("workerId")
			.set("cancelRequested", false);
		return moveTo(id, TaskState.QUEUED, update, TaskState.FAILED);
	}

	@Override
	public Optional<Task> findLatestByContent(String tenantId, String sha256) {
		return Optional.ofNullable(this.mongo.findOne(
				query(where("tenantId").is(tenantId).and("upload.sha256").is(sha256)).with(Sort.by(Sort.Direction.DESC,
						"_id")), Task.class, COLLECTION));
	}

	@Override
	public Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts) {
		Query due = query(where("state").in(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)
			.and("webhook")
			.ne(null)
			.and("webhook.deliveredAt")
			.is(null)
			.and("webhook.attempts")
			.lt(maxAttempts)
			.orOperator(where("webhook.nextAt").is(null), where("webhook.nextAt").lte(now)));
		Update lease = new Update().set("webhook.nextAt", leaseUntil).inc("webhook.attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(due, lease, FindAndModifyOptions.options().returnNew(true),
				Task.class, COLLECTION));
	}

	@Override
	public void webhookDelivered(String id, Instant at) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("webhook.deliveredAt", at).unset("webhook.lastError"), COLLECTION);
	}

	@Override
	public void webhookFailed(String id, String error, Instant nextAt) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("webhook.lastError", error).set("webhook.nextAt", nextAt), COLLECTION);
	}

	@Override
	public void markPublished(String id) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("published", true).set("publishedAt", this.clock.instant()).unset("retryAt"), COLLECTION);
	}

	@Override
	public List<Task> findUnpublished(Duration age, int limit) {
		Instant now = this.clock.instant();
		Criteria due = where("published").is(false)
			.and("createdAt")
			.lte(now.minus(age))
			.orOperator(where("retryAt").is(null), where("retryAt").lte(now));
		return this.mongo.find(query(due).with(Sort.by("createdAt")).limit(limit), Task.class, COLLECTION);
	}

	private boolean moveTo(String id, TaskState target, Update update) {
		return moveTo(id, target, update, TaskTransitions.sourcesOf(target).toArray(TaskState[]::new));
	}

	/** Moves the task to {@code target} from one of {@code from}, which the transition table must allow. */
	private boolean moveTo(String id, TaskState target, Update update, TaskState... from) {
		return moveTo(id, target, update, null, from);
	}

	/** As above, only while the task also meets {@code condition}. */
	private boolean moveTo(String id, TaskState target, Update update, @Nullable Criteria condition,
			TaskState... from) {
		requireTransitions(target, from);
		Query movable = query(where("_id").is(id).and("state").in((Object[]) from));
		if (condition != null) {
			movable.addCriteria(condition);
		}
		update.set("state", target);
		if (target.isTerminal()) {
			update.set("finishedAt", this.clock.instant());
		}
		return this.mongo.updateFirst(movable, update, COLLECTION).getModifiedCount() == 1;
	}

	private static void requireTransitions(TaskState target, TaskState... from) {
		for (TaskState source : from) {
			if (!TaskTransitions.isAllowed(source, target)) {
				throw new IllegalArgumentException(source + " -> " + target + " is not a task transition");
			}
		}
	}

}

package dev.hopper.storage.mongo;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskCensus;
import dev.hopper.core.task.TaskEvent;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@link TaskQueries} on MongoDB; the indexes they use are made by {@link TaskCollection}. */
class MongoTaskQueries implements TaskQueries {

	private final MongoOperations mongo;

	private final CountCommand counts;

	MongoTaskQueries(MongoOperations mongo) {
		this.mongo = mongo;
		this.counts = new CountCommand(mongo);
	}

	@Override
	public Optional<Task> find(String id) {
		return Optional.ofNullable(this.mongo.findOne(withoutHistory(query(where("_id").is(id))), Task.class,
				TaskCollection.NAME));
	}

	@Override
	public List<TaskEvent> history(String id) {
		Query history = query(where("_id").is(id));
		history.fields().include("history");
		Steps steps = this.mongo.findOne(history, Steps.class, TaskCollection.NAME);
		return (steps != null && steps.history() != null) ? steps.history() : List.of();
	}

	@Override
	public List<Task> findSilentRunning(Instant before, int limit) {
		return this.mongo.find(query(where("state").is(TaskState.RUNNING).and("heartbeatAt").lt(before))
			.with(Sort.by("heartbeatAt"))
			.limit(limit), Task.class, TaskCollection.NAME);
	}

	@Override
	public long countFinishedSince(JobType type, Instant since) {
		return this.counts.count(query(where("type").is(type).and("finishedAt").gte(since)), Task.class,
				TaskCollection.NAME);
	}

	@Override
	public List<Task> findQueuedPublishedBefore(JobType type, Instant before, int limit) {
		return this.mongo.find(query(where("state").is(TaskState.QUEUED)
			.and("type")
			.is(type)
			.and("published")
			.is(true)
			.and("publishedAt")
			.lt(before)).with(Sort.by("publishedAt")).limit(limit), Task.class, TaskCollection.NAME);
	}

	@Override
	public long queuedAhead(Task task) {
		return this.counts.count(query(where("state").is(TaskState.QUEUED)
			.and("type")
			.is(task.type())
			.and("_id")
			.lt(task.id())), Task.class, TaskCollection.NAME);
	}

	@Override
	public Map<TaskState, Long> countByState(String batchId) {
		Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
		for (TaskState state : TaskState.values()) {
			long count = this.counts.count(query(where("batchId").is(batchId).and("state").is(state)), Task.class,
					TaskCollection.NAME);
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
		return this.mongo.find(query(inBatch).with(Sort.by("_id")).limit(limit), Task.class, TaskCollection.NAME);
	}

	@Override
	public List<Task> findFailedInBatch(String batchId, int limit) {
		return this.mongo.find(query(where("batchId").is(batchId).and("state").is(TaskState.FAILED))
			.with(Sort.by("_id"))
			.limit(limit), Task.class, TaskCollection.NAME);
	}

	@Override
	public Optional<Task> findLatestByContent(String tenantId, String sha256) {
		return Optional.ofNullable(this.mongo.findOne(
				query(where("tenantId").is(tenantId).and("upload.sha256").is(sha256)).with(Sort.by(Sort.Direction.DESC,
						"_id")), Task.class, TaskCollection.NAME));
	}

	@Override
	public List<Task> search(TaskFilter filter, @Nullable String beforeId, int limit) {
		Query page = query(TaskFilterQuery.of(filter, beforeId)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
		withoutHistory(page);
		return this.mongo.find(page, Task.class, TaskCollection.NAME);
	}

	@Override
	public TaskCensus census(Instant since) {
		return TaskCensusQuery.take(this.mongo, since);
	}

	@Override
	public long count(TaskFilter filter, long cap) {
		return this.counts.count(query(TaskFilterQuery.of(filter, null)), Task.class, TaskCollection.NAME, cap);
	}

	/** Status reads leave the history out: it is read on its own, when asked for. */
	private static Query withoutHistory(Query query) {
		query.fields().exclude("history");
		return query;
	}

	private record Steps(@Nullable List<TaskEvent> history) {
	}

}

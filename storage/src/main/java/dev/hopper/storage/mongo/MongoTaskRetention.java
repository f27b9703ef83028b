package dev.hopper.storage.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.task.ExpiredTask;
import dev.hopper.core.task.RetentionScope;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskRetention;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@link TaskRetention} on MongoDB: what is kept of expired tasks is in {@value #EXPIRED}. */
class MongoTaskRetention implements TaskRetention {

	static final String EXPIRED = "expired_tasks";

	private final MongoOperations mongo;

	MongoTaskRetention(MongoOperations mongo) {
		this.mongo = mongo;
		// the tasks' own indexes are TaskCollection's; these are for removing by the task named
		mongo.indexOps(MongoResultCache.COLLECTION).createIndex(new Index().on("taskId", Sort.Direction.ASC));
		mongo.indexOps(MongoIdempotencyStore.COLLECTION).createIndex(new Index().on("taskId", Sort.Direction.ASC));
		mongo.indexOps(EXPIRED).createIndex(new Index().on("expiredAt", Sort.Direction.ASC));
	}

	@Override
	public List<Task> findFinishedBefore(RetentionScope scope, Instant before, int limit) {
		Query expired = query(in(scope).and("finishedAt").lt(before)).with(Sort.by("finishedAt")).limit(limit);
		return this.mongo.find(expired, Task.class, TaskCollection.NAME);
	}

	@Override
	public boolean expire(Task task, Instant now) {
		String id = task.id();
		this.mongo.remove(query(where("_id").is(id)), MongoResultStore.COLLECTION);
		this.mongo.remove(query(where("taskId").is(id)), MongoResultCache.COLLECTION);
		this.mongo.remove(query(where("taskId").is(id)), MongoIdempotencyStore.COLLECTION);
		Instant finished = (task.finishedAt() != null) ? task.finishedAt() : now;
		// the mark first: a purge cut short after it still answers 410, and runs again
		this.mongo.save(new Document("_id", id).append("tenantId", task.tenantId())
			.append("finishedAt", Date.from(finished))
			.append("expiredAt", Date.from(now)), EXPIRED);
		return this.mongo.remove(query(where("_id").is(id)), TaskCollection.NAME).getDeletedCount() == 1;
	}

	@Override
	public Optional<ExpiredTask> findExpired(String id) {
		Document kept = this.mongo.findById(id, Document.class, EXPIRED);
		return Optional.ofNullable(kept)
			.map((d) -> new ExpiredTask(id, d.getString("tenantId"), d.getDate("finishedAt").toInstant(),
					d.getDate("expiredAt").toInstant()));
	}

	@Override
	public boolean uploadShared(Task task) {
		return this.mongo.exists(query(where("upload.blobKey").is(task.upload().blobKey()).and("_id").ne(task.id())),
				TaskCollection.NAME);
	}

	@Override
	public boolean resultReused(Task task) {
		return this.mongo.exists(query(where("cachedFrom").is(task.id())), TaskCollection.NAME);
	}

	@Override
	public int purgeBatches(RetentionScope scope, Instant before, int limit) {
		List<Document> old = this.mongo.find(
				query(in(scope).and("complete").is(true).and("createdAt").lt(before)).limit(limit), Document.class,
				MongoBatchStore.COLLECTION);
		int removed = 0;
		for (Document batch : old) {
			Object id = batch.get("_id");
			if (!this.mongo.exists(query(where("batchId").is(id)), TaskCollection.NAME)) {
				removed += (int) this.mongo.remove(query(where("_id").is(id)), MongoBatchStore.COLLECTION)
					.getDeletedCount();
			}
		}
		return removed;
	}

	@Override
	public int purgeExpired(Instant before, int limit) {
		List<Object> ids = this.mongo.find(query(where("expiredAt").lt(before)).limit(limit), Document.class, EXPIRED)
			.stream()
			.map((d) -> d.get("_id"))
			.toList();
		return ids.isEmpty() ? 0
				: (int) this.mongo.remove(query(where("_id").in(ids)), EXPIRED).getDeletedCount();
	}

	/** The tenant and type conditions of {@code scope}, for tasks and batches alike. */
	private static Criteria in(RetentionScope scope) {
		Criteria criteria = new Criteria();
		if (scope.tenantId() != null) {
			criteria = criteria.and("tenantId").is(scope.tenantId());
		}
		else if (!scope.exceptTenants().isEmpty()) {
			criteria = criteria.and("tenantId").nin(scope.exceptTenants());
		}
		if (scope.type() != null) {
			criteria = criteria.and("type").is(scope.type());
		}
		else if (!scope.exceptTypes().isEmpty()) {
			criteria = criteria.and("type").nin(scope.exceptTypes());
		}
		return criteria;
	}

}

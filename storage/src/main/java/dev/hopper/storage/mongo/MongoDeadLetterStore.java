package dev.hopper.storage.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@link DeadLetterStore} on MongoDB. */
class MongoDeadLetterStore implements DeadLetterStore {

	static final String COLLECTION = "dead_letters";

	private final MongoOperations mongo;

	MongoDeadLetterStore(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(DeadLetter deadLetter) {
		this.mongo.insert(deadLetter, COLLECTION);
	}

	@Override
	public List<DeadLetter> findPending(@Nullable String beforeId, int limit) {
		Criteria pending = where("redrivenAt").is(null);
		if (beforeId != null) {
			pending = pending.and("_id").lt(beforeId);
		}
		return this.mongo.find(query(pending).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), DeadLetter.class,
				COLLECTION);
	}

	@Override
	public Optional<DeadLetter> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, DeadLetter.class, COLLECTION));
	}

	@Override
	public long countPending(JobType type) {
		return this.mongo.count(query(where("redrivenAt").is(null).and("type").is(type)), COLLECTION);
	}

	@Override
	public boolean markRedriven(String id, Instant at) {
		return this.mongo
			.updateFirst(query(where("_id").is(id).and("redrivenAt").is(null)), Update.update("redrivenAt", at),
					COLLECTION)
			.getModifiedCount() == 1;
	}

}

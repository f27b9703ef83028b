package dev.hopper.storage.mongo;

import java.time.Duration;

import dev.hopper.core.intake.IdempotencyRecord;
import dev.hopper.core.intake.IdempotencyStore;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@link IdempotencyStore} on MongoDB: {@code _id} is tenant and key, so the unique index
 * decides which of two racing requests is first; a TTL index forgets keys after a day.
 */
class MongoIdempotencyStore implements IdempotencyStore {

	static final String COLLECTION = "idempotency_keys";

	static final Duration RETENTION = Duration.ofDays(1);

	private final MongoOperations mongo;

	MongoIdempotencyStore(MongoOperations mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(RETENTION));
	}

	@Override
	public IdempotencyRecord putIfAbsent(IdempotencyRecord record) {
		try {
			this.mongo.insert(toDocument(record), COLLECTION);
			return record;
		}
		catch (DuplicateKeyException ex) {
			Document stored = this.mongo.findById(id(record), Document.class, COLLECTION);
			if (stored == null) {
				// expired between the two calls: try once more
				return putIfAbsent(record);
			}
			return new IdempotencyRecord(record.tenantId(), record.key(), stored.getString("fingerprint"),
					stored.getString("taskId"), stored.getDate("createdAt").toInstant());
		}
	}

	@Override
	public boolean replace(IdempotencyRecord stale, IdempotencyRecord fresh) {
		return this.mongo
			.findAndReplace(query(where("_id").is(id(stale)).and("taskId").is(stale.taskId())), toDocument(fresh),
					COLLECTION) != null;
	}

	private static Document toDocument(IdempotencyRecord record) {
		return new Document("_id", id(record)).append("fingerprint", record.fingerprint())
			.append("taskId", record.taskId())
			.append("createdAt", java.util.Date.from(record.createdAt()));
	}

	private static String id(IdempotencyRecord record) {
		return record.tenantId() + "\n" + record.key();
	}

}

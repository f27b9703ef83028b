package dev.hopper.storage.mongo;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultCacheKey;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/** {@link ResultCache} on MongoDB, one document per key. */
class MongoResultCache implements ResultCache {

	static final String COLLECTION = "result_cache";

	private final MongoOperations mongo;

	private final Clock clock;

	MongoResultCache(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Optional<String> find(ResultCacheKey key) {
		Document stored = this.mongo.findById(key.id(), Document.class, COLLECTION);
		return Optional.ofNullable(stored).map((found) -> found.getString("taskId"));
	}

	@Override
	public void remember(ResultCacheKey key, String taskId) {
		try {
			this.mongo.insert(new Document("_id", key.id()).append("taskId", taskId)
				.append("createdAt", Date.from(this.clock.instant())), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// an earlier run of the same work is remembered already
		}
	}

}

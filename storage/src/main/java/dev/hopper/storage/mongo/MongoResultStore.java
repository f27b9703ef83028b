package dev.hopper.storage.mongo;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.result.ResultStore;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@link ResultStore} on MongoDB: the task id is the document id, so the unique {@code _id}
 * index is what guarantees a result is never written twice.
 */
class MongoResultStore implements ResultStore {

	static final String COLLECTION = "results";

	private final MongoOperations mongo;

	private final Clock clock;

	MongoResultStore(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public boolean saveOnce(String taskId, Map<String, Object> document) {
		Document stored = new Document("_id", taskId).append("result", new Document(document))
			.append("createdAt", this.clock.instant());
		try {
			this.mongo.insert(stored, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<Map<String, Object>> find(String taskId) {
		Document stored = this.mongo.findById(taskId, Document.class, COLLECTION);
		return Optional.ofNullable(stored).map((found) -> (Map<String, Object>) found.get("result", Map.class));
	}

}

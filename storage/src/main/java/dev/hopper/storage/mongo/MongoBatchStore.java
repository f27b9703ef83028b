package dev.hopper.storage.mongo;

import java.util.List;
import java.util.Optional;

import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@link BatchStore} on MongoDB; counts and pages of tasks come from the task collection. */
class MongoBatchStore implements BatchStore {

	static final String COLLECTION = "batches";

	private final MongoOperations mongo;

	MongoBatchStore(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public void insert(Batch batch) {
		this.mongo.insert(batch, COLLECTION);
	}

	@Override
	public Optional<Batch> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Batch.class, COLLECTION));
	}

	@Override
	public void complete(String id, List<Batch.RefusedFile> refused) {
		this.mongo.updateFirst(query(where("_id").is(id)),
				new Update().set("complete", true).set("refused", refused), COLLECTION);
	}

}

package dev.hopper.storage.mongo;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/** The tasks collection and the indexes its lifecycle moves, queries and outboxes use. */
final class TaskCollection {

	static final String NAME = "tasks";

	private TaskCollection() {
	}

	static void createIndexes(MongoOperations mongo) {
		IndexOperations indexes = mongo.indexOps(NAME);
		// the outbox: unpublished tasks, oldest first
		indexes.createIndex(new Index().on("published", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
		// owed webhooks
		indexes.createIndex(new Index().on("webhook.deliveredAt", Sort.Direction.ASC)
			.on("webhook.nextAt", Sort.Direction.ASC)
			.sparse());
		// the drain rate: finishes of a type since a time
		indexes.createIndex(new Index().on("type", Sort.Direction.ASC).on("finishedAt", Sort.Direction.ASC));
		// a batch's counts by state and its failed tasks
		indexes.createIndex(new Index().on("batchId", Sort.Direction.ASC)
			.on("state", Sort.Direction.ASC)
			.on("_id", Sort.Direction.ASC));
		// a batch's pages, in id order
		indexes.createIndex(new Index().on("batchId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
		// a tenant's latest task on a file
		indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC)
			.on("upload.sha256", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC));
		// task lists, newest first, by each filter (time bounds are id bounds)
		indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC));
		for (String filter : new String[] { "state", "type", "batchId", "error.code", "attempts" }) {
			indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC)
				.on(filter, Sort.Direction.ASC)
				.on("_id", Sort.Direction.DESC));
		}
		// the list operators ask for most: state and type together
		indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC)
			.on("state", Sort.Direction.ASC)
			.on("type", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC));
		// arrivals per type over the last minutes, for operators
		indexes.createIndex(new Index().on("type", Sort.Direction.ASC).on("_id", Sort.Direction.DESC));
		// queue positions: ids are time-ordered, so "accepted before" is "smaller id"
		indexes.createIndex(new Index().on("state", Sort.Direction.ASC)
			.on("type", Sort.Direction.ASC)
			.on("_id", Sort.Direction.ASC));
		// retention: finished tasks by finish time, and whether another task uses a file or result
		indexes.createIndex(new Index().on("finishedAt", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("finishedAt", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("upload.blobKey", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("cachedFrom", Sort.Direction.ASC));
	}

}

package dev.hopper.workers.batch;

import java.util.List;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Creates what Spring Batch's MongoDB repository expects to exist: its sequences, a unique
 * index on job instances, which makes a second instance for the same task impossible even if
 * two workers race, and an index on each id it reads by.
 */
class BatchCollections {

	private static final List<String> SEQUENCES = List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
			"BATCH_STEP_EXECUTION_SEQ");

	private final MongoOperations mongo;

	BatchCollections(MongoOperations mongo) {
		this.mongo = mongo;
	}

	void create() {
		for (String sequence : SEQUENCES) {
			try {
				this.mongo.insert(new Document("_id", sequence).append("count", 0L), "BATCH_SEQUENCES");
			}
			catch (DuplicateKeyException alreadyThere) {
				// created by an earlier start or another worker
			}
		}
		this.mongo.indexOps("BATCH_JOB_INSTANCE")
			.createIndex(new Index().on("jobName", Sort.Direction.ASC).on("jobKey", Sort.Direction.ASC).unique());
		// every field the repository looks its documents up by: it reads a job execution and its
		// instance by id on each chunk's commit, and without these each read was a collection scan
		this.mongo.indexOps("BATCH_JOB_INSTANCE").createIndex(new Index().on("jobInstanceId", Sort.Direction.ASC));
		this.mongo.indexOps("BATCH_JOB_EXECUTION").createIndex(new Index().on("jobInstanceId", Sort.Direction.ASC));
		this.mongo.indexOps("BATCH_JOB_EXECUTION").createIndex(new Index().on("jobExecutionId", Sort.Direction.ASC));
		this.mongo.indexOps("BATCH_STEP_EXECUTION").createIndex(new Index().on("stepExecutionId", Sort.Direction.ASC));
		this.mongo.indexOps("BATCH_STEP_EXECUTION").createIndex(new Index().on("jobExecutionId", Sort.Direction.ASC));
	}

}

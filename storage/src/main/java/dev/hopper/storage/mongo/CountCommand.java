package dev.hopper.storage.mongo;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Counts with the {@code count} command rather than {@code countDocuments}: on real MongoDB
 * both read the same index, and the embedded server answers this command from its equality
 * index (from the index's sizes when the query only pins keys and bounds the id), where an
 * aggregation must read every matching document.
 */
final class CountCommand {

	private final MongoOperations mongo;

	private final QueryMapper queries;

	CountCommand(MongoOperations mongo) {
		this.mongo = mongo;
		this.queries = new QueryMapper(mongo.getConverter());
	}

	/** How many documents of {@code entity} in {@code collection} match, counting at most {@code cap}. */
	long count(Query query, Class<?> entity, String collection, long cap) {
		Document mapped = this.queries.getMappedObject(query.getQueryObject(),
				this.mongo.getConverter().getMappingContext().getPersistentEntity(entity));
		Document command = new Document("count", collection).append("query", mapped)
			.append("limit", Math.min(cap, Integer.MAX_VALUE));
		return ((Number) this.mongo.executeCommand(command).get("n")).longValue();
	}

	long count(Query query, Class<?> entity, String collection) {
		return count(query, entity, collection, Integer.MAX_VALUE);
	}

}

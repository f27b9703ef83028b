package dev.hopper.storage.embedded;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * Aggregations that begin with {@code $match}, read through the collection's query path
 * (and so its indexes) instead of from every document. The server feeds each pipeline the
 * whole collection and filters it in its first stage; the driver's {@code countDocuments},
 * which Spring Data's {@code count} and Spring Batch's repository use, is such a pipeline,
 * so each count read every task or step execution ever stored (issue 17).
 */
final class IndexedAggregations {

	/** Stages that only read what the stages before them hand on. */
	private static final Set<String> READING = Set.of("$match", "$group", "$sort", "$skip", "$limit", "$project",
			"$count", "$addFields", "$set", "$unset");

	private IndexedAggregations() {
	}

	/**
	 * The answer to {@code command} when it is such an aggregation; empty for any other
	 * command, which the server then runs as usual.
	 */
	static Optional<Document> answer(MongoDatabase database, String command, Document request,
			DatabaseResolver resolver, Oplog oplog) {
		if (!"aggregate".equals(command) || !(request.get("aggregate") instanceof String name)
				|| request.containsKey("let") || request.containsKey("explain")
				|| !(request.get("pipeline") instanceof List<?> pipeline) || pipeline.isEmpty()
				|| !pipeline.stream().allMatch(IndexedAggregations::reading)
				|| !(((Document) pipeline.get(0)).get("$match") instanceof Document match)) {
			return Optional.empty();
		}
		MongoCollection<?> collection = database.resolveCollection(name, false);
		if (collection == null) {
			return Optional.empty();
		}
		Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database,
				collection, oplog);
		List<Document> results = rest.runStages(collection.handleQueryAsStream(match));
		Document cursor = new Document("firstBatch", results).append("id", 0L)
			.append("ns", database.getDatabaseName() + "." + name);
		return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
	}

	private static boolean reading(Object stage) {
		return stage instanceof Document document && document.size() == 1
				&& READING.contains(document.keySet().iterator().next());
	}

}

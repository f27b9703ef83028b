package dev.hopper.storage.mongo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskCensus;
import dev.hopper.core.task.TaskState;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The census in three grouped reads, each on an index: live tasks by state, arrivals by id
 * (ids are time-ordered) and finishes by their time. Minutes are grouped in the store as
 * UTC "yyyy-MM-ddTHH:mm" text, which every MongoDB (and the embedded one) can do.
 */
final class TaskCensusQuery {

	private static final String MINUTE = "%Y-%m-%dT%H:%M";

	private TaskCensusQuery() {
	}

	static TaskCensus take(MongoOperations mongo, Instant since) {
		return new TaskCensus(live(mongo), minutes(mongo, since));
	}

	private static List<TaskCensus.Live> live(MongoOperations mongo) {
		List<Document> groups = aggregate(mongo,
				new Document("$match",
						new Document("state", new Document("$in", List.of(TaskState.QUEUED.name(), TaskState.RUNNING.name())))),
				new Document("$group", new Document("_id", key("$state")).append("count", new Document("$sum", 1))
					.append("oldest", new Document("$min", "$createdAt"))));
		List<TaskCensus.Live> live = new ArrayList<>();
		for (Document group : groups) {
			Document id = group.get("_id", Document.class);
			Date oldest = group.getDate("oldest");
			live.add(new TaskCensus.Live(id.getString("tenantId"), type(id), TaskState.valueOf(id.getString("at")),
					number(group, "count"), (oldest != null) ? oldest.toInstant() : null));
		}
		return live;
	}

	private static List<TaskCensus.Minute> minutes(MongoOperations mongo, Instant since) {
		Map<Document, long[]> counts = new LinkedHashMap<>();
		List<Document> arrivals = aggregate(mongo,
				new Document("$match", new Document("_id", new Document("$gte", TimeOrderedId.floor(since)))),
				new Document("$group", new Document("_id", key(minuteOf("$createdAt"))).append("count",
						new Document("$sum", 1))));
		for (Document group : arrivals) {
			counts.computeIfAbsent(group.get("_id", Document.class), (key) -> new long[4])[0] += number(group, "count");
		}
		List<Document> finishes = aggregate(mongo,
				new Document("$match", new Document("finishedAt", new Document("$gte", Date.from(since)))),
				new Document("$group",
						new Document("_id", key(minuteOf("$finishedAt")).append("state", "$state")).append("count",
								new Document("$sum", 1))));
		for (Document group : finishes) {
			Document id = group.get("_id", Document.class);
			String state = (String) id.remove("state");
			int slot = switch (TaskState.valueOf(state)) {
				case SUCCEEDED -> 1;
				case FAILED -> 2;
				default -> 3;
			};
			counts.computeIfAbsent(id, (key) -> new long[4])[slot] += number(group, "count");
		}
		List<TaskCensus.Minute> minutes = new ArrayList<>();
		counts.forEach((id, n) -> minutes.add(new TaskCensus.Minute(id.getString("tenantId"), type(id),
				LocalDateTime.parse(id.getString("at")).toInstant(ZoneOffset.UTC), n[0], n[1], n[2], n[3])));
		return minutes;
	}

	private static Document key(Object at) {
		return new Document("tenantId", "$tenantId").append("type", "$type").append("at", at);
	}

	private static Document minuteOf(String field) {
		return new Document("$dateToString", new Document("format", MINUTE).append("date", field));
	}

	private static List<Document> aggregate(MongoOperations mongo, Document... stages) {
		List<Document> out = new ArrayList<>();
		mongo.getCollection(TaskCollection.NAME).aggregate(List.of(stages)).into(out);
		return out;
	}

	private static JobType type(Document id) {
		return JobTypeConversions.Reader.INSTANCE.convert(id.getString("type"));
	}

	private static long number(Document group, String field) {
		return ((Number) group.get(field)).longValue();
	}

}

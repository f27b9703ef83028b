package dev.hopper.storage.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MongoDB's secondary indexes change how fast a query is answered, never what
 * it answers: the same random writes and queries go to it and to a plain mongo-java-server
 * that scans (the oracle), and every answer must be the same, in the same order.
 */
class EqualityIndexIntegrationTests {

	private static final String[] TENANTS = { "t1", "t2", "t3" };

	private static final String[] STATES = { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED" };

	/** The client of each database by name, for commands. */
	private static final java.util.Map<String, MongoClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

	private final Random random = new Random(20261205);

	@Test
	void randomWritesAndQueriesAnswerAsAScanDoes() throws Exception {
		try (EmbeddedMongo indexed = new EmbeddedMongo(null); Oracle oracle = new Oracle()) {
			indexed.start();
			try (MongoClient client = MongoClients.create(indexed.uri("hopper"))) {
				CLIENTS.put("hopper", client);
				MongoCollection<Document> subject = client.getDatabase("hopper").getCollection("tasks");
				createIndexes(subject);
				createIndexes(oracle.tasks);
				for (int round = 0; round < 6; round++) {
					write(List.of(subject, oracle.tasks), 400);
					compareQueries(subject, oracle.tasks, 150);
				}
			}
		}
	}

	@Test
	void aStoreFileOpenedAgainRebuildsItsIndexes(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("mongo.mv");
		try (Oracle oracle = new Oracle()) {
			createIndexes(oracle.tasks);
			try (EmbeddedMongo first = new EmbeddedMongo(file)) {
				first.start();
				try (MongoClient client = MongoClients.create(first.uri("hopper"))) {
					MongoCollection<Document> subject = client.getDatabase("hopper").getCollection("tasks");
					createIndexes(subject);
					write(List.of(subject, oracle.tasks), 600);
				}
			}
			assertThat(Files.size(file)).isPositive();
			try (EmbeddedMongo again = new EmbeddedMongo(file)) {
				again.start();
				try (MongoClient client = MongoClients.create(again.uri("hopper"))) {
					CLIENTS.put("hopper", client);
					MongoCollection<Document> subject = client.getDatabase("hopper").getCollection("tasks");
					compareQueries(subject, oracle.tasks, 100);
					write(List.of(subject, oracle.tasks), 200);
					compareQueries(subject, oracle.tasks, 100);
				}
			}
		}
	}

	private static void createIndexes(MongoCollection<Document> tasks) {
		tasks.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("_id")));
		tasks.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "state"), Indexes.descending("_id")));
		tasks.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "error.code"), Indexes.descending("_id")));
		tasks.createIndex(Indexes.ascending("state", "type", "_id"));
		tasks.createIndex(Indexes.ascending("published", "createdAt"));
		tasks.createIndex(Indexes.ascending("tags"));
	}

	/** Inserts, updates (moving indexed fields, unsetting them, making them arrays) and deletes, alike on both. */
	private void write(List<MongoCollection<Document>> both, int operations) {
		for (int i = 0; i < operations; i++) {
			int pick = this.random.nextInt(10);
			String id = String.format("%06d", this.random.nextInt(2000));
			if (pick < 5) {
				Document task = task(id);
				both.forEach((tasks) -> tasks.replaceOne(Filters.eq("_id", id), task,
						new com.mongodb.client.model.ReplaceOptions().upsert(true)));
			}
			else if (pick < 8) {
				Bson change = switch (this.random.nextInt(5)) {
					case 0 -> Updates.set("state", one(STATES));
					case 1 -> Updates.unset("error");
					case 2 -> Updates.set("error", new Document("code", "code-" + this.random.nextInt(3)));
					case 3 -> Updates.set("tags", List.of("a", "b" + this.random.nextInt(2)));
					default -> Updates.set("attempts", this.random.nextBoolean() ? 2 : 2L);
				};
				String tenant = one(TENANTS);
				if (this.random.nextInt(20) == 0) {
					both.forEach((tasks) -> tasks.updateMany(Filters.eq("tenantId", tenant), change));
				}
				// a conditional update, as every task move is: the id index answers it, not a scan
				Bson which = this.random.nextBoolean() ? Filters.eq("_id", id)
						: new Document("_id", id).append("state", one(STATES));
				assertThat(both.stream().map((tasks) -> tasks.updateOne(which, change).getModifiedCount()).distinct())
					.as("updated by " + which).hasSize(1);
			}
			else {
				both.forEach((tasks) -> tasks.deleteOne(Filters.eq("_id", id)));
			}
		}
	}

	private Document task(String id) {
		Document task = new Document("_id", id).append("tenantId", one(TENANTS))
			.append("state", one(STATES))
			.append("type", this.random.nextBoolean() ? "AUDIO_FEATURES" : "MAP_PARSE")
			.append("published", this.random.nextBoolean())
			.append("createdAt", new java.util.Date(1_700_000_000_000L + this.random.nextInt(1000) * 1000L))
			.append("attempts", this.random.nextInt(4));
		if (this.random.nextInt(3) == 0) {
			task.append("error", new Document("code", "code-" + this.random.nextInt(3)));
		}
		if (this.random.nextInt(4) == 0) {
			task.append("tags", this.random.nextBoolean() ? "a" : List.of("a", "c"));
		}
		return task;
	}

	private void compareQueries(MongoCollection<Document> subject, MongoCollection<Document> oracle, int queries) {
		for (int i = 0; i < queries; i++) {
			Bson query = query();
			int limit = this.random.nextInt(60);
			int skip = this.random.nextBoolean() ? 0 : this.random.nextInt(20);
			Bson order = this.random.nextBoolean() ? Sorts.descending("_id") : Sorts.ascending("_id");
			assertThat(ids(subject, query, order, skip, limit)).as(query.toBsonDocument().toJson())
				.isEqualTo(ids(oracle, query, order, skip, limit));
			assertThat(subject.countDocuments(query)).as("count " + query.toBsonDocument().toJson())
				.isEqualTo(oracle.countDocuments(query));
			assertThat(countCommand(subject, query, skip, limit)).as("count command " + query.toBsonDocument().toJson())
				.isEqualTo(countCommand(oracle, query, skip, limit));
			List<Bson> pipeline = pipeline(query, skip, limit);
			assertThat(subject.aggregate(pipeline).into(new ArrayList<>())).as("aggregation " + pipeline)
				.isEqualTo(oracle.aggregate(pipeline).into(new ArrayList<>()));
		}
	}

	/** A pipeline that begins with the query, as counts by state and the census do, or a page of it. */
	private List<Bson> pipeline(Bson query, int skip, int limit) {
		if (this.random.nextBoolean()) {
			return List.of(Aggregates.match(query), Aggregates.group("$state", Accumulators.sum("n", 1)),
					Aggregates.sort(Sorts.ascending("_id")));
		}
		return List.of(Aggregates.match(query), Aggregates.sort(Sorts.descending("_id")), Aggregates.skip(skip),
				Aggregates.limit(Math.max(1, limit)), Aggregates.project(new Document("state", 1).append("attempts", 1)));
	}

	private Bson query() {
		List<Bson> parts = new ArrayList<>();
		parts.add(Filters.eq("tenantId", one(TENANTS)));
		switch (this.random.nextInt(10)) {
			case 0 -> parts.add(Filters.in("state", one(STATES), one(STATES)));
			case 1 -> parts.add(Filters.eq("state", one(STATES)));
			case 2 -> parts.add(Filters.eq("error.code", "code-" + this.random.nextInt(3)));
			case 3 -> parts.add(Filters.eq("error.code", null));
			case 4 -> parts.add(Filters.in("state", one(STATES), null));
			case 5 -> parts.set(0, Filters.and(Filters.eq("state", one(STATES)), Filters.eq("type", "MAP_PARSE")));
			case 6 -> parts.set(0, Filters.and(Filters.eq("published", false), Filters.gte("createdAt",
					new java.util.Date(1_700_000_300_000L))));
			case 7 -> parts.set(0, Filters.eq("tags", "a"));
			case 8 -> {
				// flat, as Spring Data writes a query: the id index answers it, not a scan
				String id = String.format("%06d", this.random.nextInt(2000));
				Object ids = this.random.nextBoolean() ? id
						: new Document("$in", List.of(id, String.format("%06d", this.random.nextInt(2000))));
				return new Document("_id", ids).append("tenantId", one(TENANTS));
			}
			default -> parts.add(Filters.eq("attempts", 2));
		}
		String bound = String.format("%06d", this.random.nextInt(2000));
		switch (this.random.nextInt(4)) {
			case 0 -> parts.add(Filters.lt("_id", bound));
			case 1 -> parts.add(Filters.gte("_id", bound));
			case 2 -> parts.add(Filters.and(Filters.gt("_id", bound), Filters.lte("_id", String.format("%06d",
					this.random.nextInt(2000)))));
			default -> {
				// no bound on the id
			}
		}
		return Filters.and(parts);
	}

	private static List<Object> ids(MongoCollection<Document> tasks, Bson query, Bson order, int skip, int limit) {
		return tasks.find(query).sort(order).skip(skip).limit(limit).map((task) -> task.get("_id"))
			.into(new ArrayList<>());
	}

	/** The {@code count} command, as the task store counts a list's total. */
	private static int countCommand(MongoCollection<Document> tasks, Bson query, int skip, int limit) {
		Document command = new Document("count", tasks.getNamespace().getCollectionName())
			.append("query", query.toBsonDocument())
			.append("skip", skip)
			.append("limit", limit);
		MongoClient client = CLIENTS.get(tasks.getNamespace().getDatabaseName());
		return ((Number) client.getDatabase(tasks.getNamespace().getDatabaseName()).runCommand(command).get("n"))
			.intValue();
	}

	private String one(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	/** A plain mongo-java-server with no secondary index: every query scans. */
	private static final class Oracle implements AutoCloseable {

		private final MongoServer server = new MongoServer(new MemoryBackend());

		private final MongoClient client;

		private final MongoCollection<Document> tasks;

		Oracle() {
			InetSocketAddress address = this.server.bind();
			this.client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort() + "/oracle");
			this.tasks = this.client.getDatabase("oracle").getCollection("tasks");
			CLIENTS.put("oracle", this.client);
		}

		@Override
		public void close() {
			this.client.close();
			this.server.shutdown();
		}

	}

}

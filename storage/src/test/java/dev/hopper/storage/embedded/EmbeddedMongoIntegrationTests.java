package dev.hopper.storage.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded MongoDB keeps the atomicity the stores and Spring Batch's repository rely on. */
class EmbeddedMongoIntegrationTests {

	/**
	 * Spring Batch numbers its job instances and executions from a sequence document
	 * incremented with findAndModify; the task store claims the same way. Several clients
	 * (worker JVMs) at once must never be handed the same number.
	 */
	@Test
	void concurrentClientsIncrementingOneSequenceEachGetADistinctNumber() throws Exception {
		int clients = 8;
		int each = 500;
		Set<Long> handedOut = ConcurrentHashMap.newKeySet();
		List<Long> twice = java.util.Collections.synchronizedList(new ArrayList<>());
		try (EmbeddedMongo server = new EmbeddedMongo(null)) {
			server.start();
			List<MongoClient> connections = new ArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			try {
				for (int i = 0; i < clients; i++) {
					connections.add(MongoClients.create(server.uri("hopper")));
				}
				connections.get(0).getDatabase("hopper").getCollection("sequences")
					.insertOne(new Document("_id", "job").append("count", 0L));
				List<Future<?>> racers = new ArrayList<>();
				for (MongoClient connection : connections) {
					MongoCollection<Document> sequences = connection.getDatabase("hopper").getCollection("sequences");
					racers.add(pool.submit(() -> {
						for (int n = 0; n < each; n++) {
							long value = sequences.findOneAndUpdate(Filters.eq("_id", "job"), Updates.inc("count", 1L),
									new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
								.getLong("count");
							if (!handedOut.add(value)) {
								twice.add(value);
							}
						}
					}));
				}
				for (Future<?> racer : racers) {
					racer.get();
				}
			}
			finally {
				pool.shutdownNow();
				connections.forEach(MongoClient::close);
			}
		}
		assertThat(twice).isEmpty();
		assertThat(handedOut).hasSize(clients * each);
	}

}

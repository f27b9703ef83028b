package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hopper.core.task.TaskStore;
import dev.hopper.storage.TaskStoreContract;
import dev.hopper.storage.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The task store contract on the embedded MongoDB wire server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedMongoTaskStoreIntegrationTests extends TaskStoreContract {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private EmbeddedMongo server;

	private MongoClient client;

	private MongoTaskStore store;

	@BeforeAll
	void start() throws Exception {
		this.server = new EmbeddedMongo(null);
		this.server.start();
		this.client = MongoClients.create(this.server.uri("hopper"));
		this.store = new MongoTaskStore(new MongoTemplate(this.client, "hopper"), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterAll
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Override
	protected TaskStore store() {
		return this.store;
	}

	@Override
	protected Instant now() {
		return NOW;
	}

}

package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.storage.TaskLifecycleContract;
import dev.hopper.storage.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The task lifecycle contract on the embedded MongoDB wire server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedMongoTaskLifecycleIntegrationTests extends TaskLifecycleContract {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private EmbeddedMongo server;

	private MongoClient client;

	private MongoTaskLifecycle lifecycle;

	private MongoTaskQueries queries;

	@BeforeAll
	void start() throws Exception {
		this.server = new EmbeddedMongo(null);
		this.server.start();
		this.client = MongoClients.create(this.server.uri("hopper"));
		MongoTemplate template = HopperMongoTemplates.create(this.client, "hopper");
		TaskCollection.createIndexes(template);
		this.lifecycle = new MongoTaskLifecycle(template, Clock.fixed(NOW, ZoneOffset.UTC));
		this.queries = new MongoTaskQueries(template);
	}

	@AfterAll
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Override
	protected TaskLifecycle lifecycle() {
		return this.lifecycle;
	}

	@Override
	protected TaskQueries queries() {
		return this.queries;
	}

	@Override
	protected Instant now() {
		return NOW;
	}

}

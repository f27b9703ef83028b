package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.storage.TaskLifecycleContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The task lifecycle contract on a real MongoDB replica set. Skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerMongoTaskLifecycleIntegrationTests extends TaskLifecycleContract {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReplicaSet();

	private MongoClient client;

	private MongoTaskLifecycle lifecycle;

	private MongoTaskQueries queries;

	@BeforeAll
	void connect() {
		this.client = MongoClients.create(mongo.getReplicaSetUrl("hopper"));
		MongoTemplate template = HopperMongoTemplates.create(this.client, "hopper");
		TaskCollection.createIndexes(template);
		this.lifecycle = new MongoTaskLifecycle(template, Clock.fixed(NOW, ZoneOffset.UTC));
		this.queries = new MongoTaskQueries(template);
	}

	@AfterAll
	void disconnect() {
		this.client.close();
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

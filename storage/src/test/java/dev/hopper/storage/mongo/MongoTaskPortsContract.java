package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.storage.TaskLifecycleContract;
import dev.hopper.storage.TaskSearchContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The task ports' contracts on the Mongo adapters; subclasses say which MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MongoTaskPortsContract implements TaskLifecycleContract, TaskSearchContract {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private MongoClient client;

	private MongoTaskLifecycle lifecycle;

	private MongoTaskQueries queries;

	/** A client of the MongoDB under test, started if need be. */
	protected abstract MongoClient connect() throws Exception;

	@BeforeAll
	void openStores() throws Exception {
		this.client = connect();
		MongoTemplate template = HopperMongoTemplates.create(this.client, "hopper");
		TaskCollection.createIndexes(template);
		this.lifecycle = new MongoTaskLifecycle(template, Clock.fixed(NOW, ZoneOffset.UTC));
		this.queries = new MongoTaskQueries(template);
	}

	@AfterAll
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Override
	public TaskLifecycle lifecycle() {
		return this.lifecycle;
	}

	@Override
	public TaskQueries queries() {
		return this.queries;
	}

	@Override
	public Instant now() {
		return NOW;
	}

}

package dev.hopper.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hopper.storage.embedded.EmbeddedMongo;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An embedded MongoDB in memory, and a template on it that maps documents as the application
 * does, with the tasks' indexes.
 */
record EmbeddedMongoTemplate(EmbeddedMongo server, MongoClient client, MongoTemplate template) implements AutoCloseable {

	static EmbeddedMongoTemplate start() throws Exception {
		EmbeddedMongo server = new EmbeddedMongo(null);
		server.start();
		MongoClient client = MongoClients.create(server.uri("hopper"));
		MongoTemplate template = HopperMongoTemplates.create(client, "hopper");
		TaskCollection.createIndexes(template);
		return new EmbeddedMongoTemplate(server, client, template);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

}

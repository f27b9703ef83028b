package dev.hopper.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hopper.storage.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;

/** The task ports' contracts on the embedded MongoDB wire server. */
class EmbeddedMongoTaskPortsIntegrationTests extends MongoTaskPortsContract {

	private EmbeddedMongo server;

	@Override
	protected MongoClient connect() throws Exception {
		this.server = new EmbeddedMongo(null);
		this.server.start();
		return MongoClients.create(this.server.uri("hopper"));
	}

	@AfterAll
	void stopServer() {
		this.server.close();
	}

}

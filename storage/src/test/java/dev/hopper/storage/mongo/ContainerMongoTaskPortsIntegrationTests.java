package dev.hopper.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The task ports' contracts on a real MongoDB replica set, with its indexes. Skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerMongoTaskPortsIntegrationTests extends MongoTaskPortsContract {

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0").withReplicaSet();

	@Override
	protected MongoClient connect() {
		return MongoClients.create(mongo.getReplicaSetUrl("hopper"));
	}

}

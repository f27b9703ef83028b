package dev.hopper.storage.mongo;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Up when the database answers {@code ping}. Replaces Boot's check, whose {@code hello}
 * command the embedded wire-compatible server does not know.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName());
	}

}

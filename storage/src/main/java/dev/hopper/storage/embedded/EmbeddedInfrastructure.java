package dev.hopper.storage.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded servers a Hopper process needs and tells the apps where they are, as
 * Spring properties. Servers stop in reverse order of start.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final List<EmbeddedServer> started = new ArrayList<>();

	private final Map<String, Object> properties = new LinkedHashMap<>();

	/** MongoDB in an H2 file under {@code directory}. */
	public EmbeddedInfrastructure mongo(Path directory) {
		return mongo(new EmbeddedMongo(directory.resolve("mongo.mv")));
	}

	public EmbeddedInfrastructure inMemoryMongo() {
		return mongo(new EmbeddedMongo(null));
	}

	private EmbeddedInfrastructure mongo(EmbeddedMongo mongo) {
		this.properties.put("spring.mongodb.uri", start(mongo).uri("hopper"));
		return this;
	}

	public EmbeddedInfrastructure s3(Path directory) {
		EmbeddedS3 s3 = start(new EmbeddedS3(directory));
		this.properties.put("hopper.storage.s3.endpoint", s3.endpoint());
		this.properties.put("hopper.storage.s3.access-key", EmbeddedS3.ACCESS_KEY);
		this.properties.put("hopper.storage.s3.secret-key", EmbeddedS3.SECRET_KEY);
		return this;
	}

	/** @param persistent keep messages on disk across restarts */
	public EmbeddedInfrastructure broker(Path directory, boolean persistent) {
		EmbeddedAmqpBroker broker = start(new EmbeddedAmqpBroker(directory, persistent));
		this.properties.put("spring.rabbitmq.host", "127.0.0.1");
		this.properties.put("spring.rabbitmq.port", broker.port());
		this.properties.put("spring.rabbitmq.username", EmbeddedAmqpBroker.USERNAME);
		this.properties.put("spring.rabbitmq.password", EmbeddedAmqpBroker.PASSWORD);
		// Qpid rejects RabbitMQ's quorum and dead-letter queue arguments
		this.properties.put("hopper.amqp.rabbit-queue-arguments", false);
		return this;
	}

	public EmbeddedInfrastructure redis(Path directory) {
		EmbeddedRedis redis = start(new EmbeddedRedis(directory));
		this.properties.put("hopper.redis.address", redis.address());
		return this;
	}

	/** Where the started servers listen, as Spring properties. */
	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

	private <T extends EmbeddedServer> T start(T server) {
		try {
			server.start();
		}
		catch (Exception ex) {
			close();
			throw new IllegalStateException("Could not start " + server.getClass().getSimpleName(), ex);
		}
		this.started.add(server);
		return server;
	}

	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			EmbeddedServer server = this.started.get(i);
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				logger.warn("{} did not stop cleanly: {}", server.getClass().getSimpleName(), ex.getMessage());
			}
		}
		this.started.clear();
	}

}

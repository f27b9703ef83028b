package dev.hopper.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.hopper.storage.embedded.EmbeddedInfrastructure;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The scenarios against the real RabbitMQ (guest/guest on 5672) and Redis (6379) on this
 * machine, with MongoDB and S3 embedded. CI runs those services, so there a missing one is
 * a failure; elsewhere the test skips.
 */
class LocalServicesEndToEndIntegrationTests extends EndToEndScenarios {

	private EmbeddedInfrastructure embedded;

	@Override
	protected Map<String, Object> infrastructure() throws IOException {
		boolean rabbit = answers(5672);
		boolean redis = answers(6379);
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			if (!rabbit || !redis) {
				throw new IllegalStateException("CI must run RabbitMQ on 127.0.0.1:5672 and Redis on 127.0.0.1:6379");
			}
		}
		assumeThat(rabbit && redis).as("RabbitMQ and Redis answer on localhost").isTrue();
		Path directory = Files.createTempDirectory("hopper-it");
		this.embedded = new EmbeddedInfrastructure().inMemoryMongo().s3(directory.resolve("s3"));
		Map<String, Object> properties = new HashMap<>(this.embedded.properties());
		properties.put("spring.rabbitmq.host", "127.0.0.1");
		properties.put("spring.rabbitmq.port", 5672);
		properties.put("spring.rabbitmq.username", "guest");
		properties.put("spring.rabbitmq.password", "guest");
		properties.put("hopper.amqp.rabbit-queue-arguments", true);
		properties.put("hopper.redis.address", "redis://127.0.0.1:6379");
		return properties;
	}

	@Override
	protected void stopInfrastructure() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

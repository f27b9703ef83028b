package dev.hopper.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

/**
 * The RabbitMQ (guest/guest on 5672) and Redis (6379) on this machine, which CI runs: whether
 * they answer, and the properties that point Hopper at them.
 */
final class LocalServices {

	private LocalServices() {
	}

	/** Whether both answer; in CI a missing one is a failure, elsewhere the caller skips. */
	static boolean available() {
		boolean rabbit = answers(5672);
		boolean redis = answers(6379);
		if ("true".equalsIgnoreCase(System.getenv("CI")) && (!rabbit || !redis)) {
			throw new IllegalStateException("CI must run RabbitMQ on 127.0.0.1:5672 and Redis on 127.0.0.1:6379");
		}
		return rabbit && redis;
	}

	static Map<String, Object> properties() {
		return Map.of("spring.rabbitmq.host", "127.0.0.1", "spring.rabbitmq.port", 5672, "spring.rabbitmq.username",
				"guest", "spring.rabbitmq.password", "guest", "hopper.amqp.rabbit-queue-arguments", true,
				"hopper.redis.address", "redis://127.0.0.1:6379");
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

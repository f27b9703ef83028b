package dev.hopper.storage.amqp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Messaging settings; the connection itself is {@code spring.rabbitmq.*}.
 *
 * @param namespace prefix of every exchange and queue name, so environments can share a broker
 * @param rabbitQueueArguments declare quorum queues with a dead-letter exchange (RabbitMQ only;
 * other AMQP 0-9-1 brokers reject these arguments)
 * @param confirmTimeout how long a publish waits for the broker's confirm
 */
@ConfigurationProperties("hopper.amqp")
public record AmqpProperties(String namespace, boolean rabbitQueueArguments, Duration confirmTimeout) {

	public AmqpProperties {
		namespace = (namespace != null) ? namespace : "hopper";
		confirmTimeout = (confirmTimeout != null) ? confirmTimeout : Duration.ofSeconds(10);
	}

}

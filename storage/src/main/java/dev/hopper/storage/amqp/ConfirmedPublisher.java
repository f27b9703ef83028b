package dev.hopper.storage.amqp;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.hopper.core.TransientFailure;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes with publisher confirms and mandatory routing: {@link #send} returns only once
 * the broker has put the message on a queue.
 */
public class ConfirmedPublisher {

	private final RabbitTemplate rabbit;

	private final long confirmTimeoutMillis;

	ConfirmedPublisher(RabbitTemplate rabbit, AmqpProperties properties) {
		this.rabbit = rabbit;
		this.confirmTimeoutMillis = properties.confirmTimeout().toMillis();
	}

	/** @throws TransientFailure when the broker did not confirm in time, refused, or could not route */
	public void send(String exchange, String routingKey, Message message, String correlationId) {
		CorrelationData correlation = new CorrelationData(correlationId);
		try {
			this.rabbit.send(exchange, routingKey, message, correlation);
			CorrelationData.Confirm confirm = correlation.getFuture()
				.get(this.confirmTimeoutMillis, TimeUnit.MILLISECONDS);
			if (!confirm.ack()) {
				throw notConfirmed("the broker refused it: " + confirm.reason());
			}
			if (correlation.getReturned() != null) {
				throw notConfirmed("no queue is bound to '" + exchange + "' for '" + routingKey + "'");
			}
		}
		catch (AmqpException | ExecutionException | TimeoutException ex) {
			throw notConfirmed(String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw notConfirmed("interrupted");
		}
	}

	private static TransientFailure notConfirmed(String why) {
		return new TransientFailure("broker_unavailable", "The message broker did not confirm the message: " + why);
	}

}

package dev.hopper.storage.amqp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

	/**
	 * Sends them all, then awaits their confirms together within one confirm timeout; returns
	 * the correlation ids the broker confirmed and routed. Stops sending at the first refusal.
	 */
	public Set<String> sendAll(String exchange, List<Outgoing> messages) {
		List<CorrelationData> sent = new ArrayList<>();
		for (Outgoing message : messages) {
			CorrelationData correlation = new CorrelationData(message.correlationId());
			try {
				this.rabbit.send(exchange, message.routingKey(), message.message(), correlation);
			}
			catch (AmqpException ex) {
				break;
			}
			sent.add(correlation);
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.confirmTimeoutMillis);
		Set<String> confirmed = new HashSet<>();
		for (CorrelationData correlation : sent) {
			try {
				CorrelationData.Confirm confirm = correlation.getFuture()
					.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (confirm.ack() && correlation.getReturned() == null) {
					confirmed.add(correlation.getId());
				}
			}
			catch (ExecutionException | TimeoutException ex) {
				// not confirmed: the outbox's
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return confirmed;
	}

	/** One message of {@link #sendAll}. */
	public record Outgoing(String routingKey, Message message, String correlationId) {
	}

	private static TransientFailure notConfirmed(String why) {
		return new TransientFailure("broker_unavailable", "The message broker did not confirm the message: " + why);
	}

}

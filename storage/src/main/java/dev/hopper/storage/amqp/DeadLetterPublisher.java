package dev.hopper.storage.amqp;

import dev.hopper.core.task.JobType;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

/**
 * Moves a message to its type's dead-letter queue with the reason in headers. Workers
 * dead-letter explicitly (then ack) rather than rely on broker arguments, so it works the
 * same on RabbitMQ and on the embedded broker.
 */
public class DeadLetterPublisher {

	/** Header with the stable error code. */
	public static final String REASON_HEADER = "x-hopper-reason";

	/** Header with the human-readable explanation. */
	public static final String DETAIL_HEADER = "x-hopper-detail";

	private final ConfirmedPublisher publisher;

	private final QueueTopology topology;

	DeadLetterPublisher(ConfirmedPublisher publisher, QueueTopology topology) {
		this.publisher = publisher;
		this.topology = topology;
	}

	public void deadLetter(Message message, JobType type, String code, String detail) {
		Message dead = MessageBuilder.fromClonedMessage(message)
			.setHeader(REASON_HEADER, code)
			.setHeader(DETAIL_HEADER, detail)
			.build();
		String id = (message.getMessageProperties().getMessageId() != null)
				? message.getMessageProperties().getMessageId() : "unidentified";
		this.publisher.send(this.topology.deadLetterExchange(), this.topology.routingKey(type), dead, id);
	}

}

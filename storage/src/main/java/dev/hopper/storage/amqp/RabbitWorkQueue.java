package dev.hopper.storage.amqp;

import java.util.List;
import java.util.Set;

import com.rabbitmq.client.AMQP;
import dev.hopper.core.TransientFailure;
import dev.hopper.core.queue.QueueDepth;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** {@link WorkQueue} on AMQP 0-9-1: task messages go to the task exchange, confirmed. */
class RabbitWorkQueue implements WorkQueue {

	private final ConfirmedPublisher publisher;

	private final QueueTopology topology;

	private final RabbitTemplate rabbit;

	RabbitWorkQueue(ConfirmedPublisher publisher, QueueTopology topology, RabbitTemplate rabbit) {
		this.publisher = publisher;
		this.topology = topology;
		this.rabbit = rabbit;
	}

	@Override
	public void publish(TaskMessage message) {
		this.publisher.send(this.topology.taskExchange(), this.topology.routingKey(message.type()),
				TaskMessageCodec.encode(message), message.taskId());
	}

	@Override
	public Set<String> publishAll(List<TaskMessage> messages) {
		return this.publisher.sendAll(this.topology.taskExchange(), messages.stream()
			.map((message) -> new ConfirmedPublisher.Outgoing(this.topology.routingKey(message.type()),
					TaskMessageCodec.encode(message), message.taskId()))
			.toList());
	}

	@Override
	public QueueDepth inspect(JobType type) {
		try {
			// a passive declare answers both counts on RabbitMQ and on the embedded broker alike
			QueueDepth depth = this.rabbit.execute((channel) -> {
				AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive(this.topology.workQueue(type));
				return new QueueDepth(queue.getMessageCount(), queue.getConsumerCount());
			});
			return (depth != null) ? depth : new QueueDepth(0, 0);
		}
		catch (AmqpException ex) {
			throw new TransientFailure("broker_unavailable", "Cannot read the queue depth: " + ex.getMessage(), ex);
		}
	}

}

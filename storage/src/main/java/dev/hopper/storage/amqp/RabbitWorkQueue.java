package dev.hopper.storage.amqp;

import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;

/** {@link WorkQueue} on AMQP 0-9-1: task messages go to the task exchange, confirmed. */
class RabbitWorkQueue implements WorkQueue {

	private final ConfirmedPublisher publisher;

	private final QueueTopology topology;

	RabbitWorkQueue(ConfirmedPublisher publisher, QueueTopology topology) {
		this.publisher = publisher;
		this.topology = topology;
	}

	@Override
	public void publish(TaskMessage message) {
		this.publisher.send(this.topology.taskExchange(), this.topology.routingKey(message.type()),
				TaskMessageCodec.encode(message), message.taskId());
	}

}

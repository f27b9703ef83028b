package dev.hopper.storage.amqp;

import java.util.ArrayList;
import java.util.List;

import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;

/**
 * The one place that knows exchange and queue names. Each job type has a durable work
 * queue on the task exchange and a dead-letter queue on the dead-letter exchange, both
 * routed by the type's wire name.
 */
public final class QueueTopology {

	private final String namespace;

	private final boolean rabbitQueueArguments;

	private final JobTypes types;

	public QueueTopology(AmqpProperties properties, JobTypes types) {
		this.namespace = properties.namespace();
		this.types = types;
		this.rabbitQueueArguments = properties.rabbitQueueArguments();
	}

	public String taskExchange() {
		return this.namespace + ".tasks";
	}

	public String deadLetterExchange() {
		return this.namespace + ".dead-letters";
	}

	public String routingKey(JobType type) {
		return type.wireName();
	}

	public String workQueue(JobType type) {
		return this.namespace + ".tasks." + type.wireName();
	}

	public String deadLetterQueue(JobType type) {
		return workQueue(type) + ".dead";
	}

	/** Everything to declare, for every registered type; declaring is idempotent, so every app declares it all. */
	public List<Declarable> declarables() {
		DirectExchange tasks = new DirectExchange(taskExchange(), true, false);
		DirectExchange deadLetters = new DirectExchange(deadLetterExchange(), true, false);
		List<Declarable> declarables = new ArrayList<>(List.of(tasks, deadLetters));
		for (JobType type : this.types.all()) {
			QueueBuilder work = QueueBuilder.durable(workQueue(type));
			QueueBuilder dead = QueueBuilder.durable(deadLetterQueue(type));
			if (this.rabbitQueueArguments) {
				work.quorum().deadLetterExchange(deadLetterExchange()).deadLetterRoutingKey(routingKey(type));
				dead.quorum();
			}
			Queue workQueue = work.build();
			Queue deadQueue = dead.build();
			Binding workBinding = BindingBuilder.bind(workQueue).to(tasks).with(routingKey(type));
			Binding deadBinding = BindingBuilder.bind(deadQueue).to(deadLetters).with(routingKey(type));
			declarables.addAll(List.of(workQueue, deadQueue, workBinding, deadBinding));
		}
		return declarables;
	}

}

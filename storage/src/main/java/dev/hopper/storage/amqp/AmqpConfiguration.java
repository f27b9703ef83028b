package dev.hopper.storage.amqp;

import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobTypes;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The topology, confirmed publishing and dead-lettering. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmqpProperties.class)
@PropertySource("classpath:hopper-amqp-defaults.properties")
public class AmqpConfiguration {

	@Bean
	QueueTopology queueTopology(AmqpProperties properties, JobTypes types) {
		return new QueueTopology(properties, types);
	}

	@Bean
	Declarables hopperTopology(QueueTopology topology) {
		return new Declarables(topology.declarables());
	}

	@Bean
	ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, AmqpProperties properties) {
		return new ConfirmedPublisher(rabbitTemplate, properties);
	}

	@Bean
	WorkQueue workQueue(ConfirmedPublisher publisher, QueueTopology topology, RabbitTemplate rabbitTemplate) {
		return new RabbitWorkQueue(publisher, topology, rabbitTemplate);
	}

	@Bean
	DeadLetterPublisher deadLetterPublisher(ConfirmedPublisher publisher, QueueTopology topology) {
		return new DeadLetterPublisher(publisher, topology);
	}

}

package dev.hopper.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.storage.amqp.QueueTopology;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * One listener container per registered job type this worker has a job for, each with
 * {@code concurrency} consumers: a type's queue never waits behind another type's work.
 * Started and stopped with the application, in the phase listener containers use.
 */
public class TaskListeners implements SmartLifecycle, DisposableBean {

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private final List<String> jobTypes = new ArrayList<>();

	TaskListeners(JobTypes types, ConnectionFactory connectionFactory, TaskRunner runner, TaskJobLauncher launcher,
			DeadLetters deadLetters, QueueTopology topology, WorkerProperties properties, ApplicationContext context) {
		List<String> unknown = properties.types()
			.stream()
			.filter((name) -> types.all().stream().noneMatch((type) -> type.wireName().equals(name)))
			.toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("hopper.worker.types names job types that do not exist: " + unknown);
		}
		for (JobType type : types.all()) {
			if (!launcher.canRun(type) || !properties.consumes(type)) {
				continue;
			}
			SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
			container.setQueueNames(topology.workQueue(type));
			container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
			container.setConcurrentConsumers(properties.concurrency());
			// one unacked message per consumer: the rest stay on the queue for other replicas
			container.setPrefetchCount(1);
			// shutdown waits this long for a running job to stop at its next chunk boundary
			container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
			container.setMessageListener(new TaskMessageListener(runner, deadLetters, type));
			container.setBeanName("hopper-listener-" + type.wireName());
			// each delivery continues the trace its message carries (traceparent)
			container.setApplicationContext(context);
			container.setObservationEnabled(true);
			container.afterPropertiesSet();
			this.containers.add(container);
			this.jobTypes.add(type.wireName());
		}
	}

	/** The job types this worker consumes. */
	public List<String> jobTypes() {
		return List.copyOf(this.jobTypes);
	}

	/** The queues this worker consumes. */
	public List<String> queues() {
		return this.containers.stream().flatMap((container) -> List.of(container.getQueueNames()).stream()).toList();
	}

	@Override
	public void start() {
		this.containers.forEach(SimpleMessageListenerContainer::start);
	}

	@Override
	public void stop() {
		this.containers.forEach(SimpleMessageListenerContainer::stop);
	}

	/** Stops every container at once, so their running jobs drain together within one shutdown timeout. */
	@Override
	public void stop(Runnable callback) {
		AtomicInteger running = new AtomicInteger(this.containers.size());
		if (running.get() == 0) {
			callback.run();
			return;
		}
		for (SimpleMessageListenerContainer container : this.containers) {
			container.stop(() -> {
				if (running.decrementAndGet() == 0) {
					callback.run();
				}
			});
		}
	}

	@Override
	public boolean isRunning() {
		return this.containers.stream().anyMatch(SimpleMessageListenerContainer::isRunning);
	}

	@Override
	public int getPhase() {
		return SimpleMessageListenerContainer.DEFAULT_PHASE;
	}

	@Override
	public void destroy() {
		this.containers.forEach(SimpleMessageListenerContainer::destroy);
	}

}

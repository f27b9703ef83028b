package dev.hopper.core.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.TransientFailure;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskOutbox;
import org.junit.jupiter.api.Test;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static org.assertj.core.api.Assertions.assertThat;

/** The relay publishes what the outbox holds, through the one publisher, while it holds the relay lease. */
class OutboxRelayTests {

	private final Outbox outbox = new Outbox();

	private final Broker broker = new Broker();

	private final Leases leases = new Leases();

	private final TaskPublisher publisher = new TaskPublisher(this.broker, this.outbox);

	@Test
	void unpublishedTasksArePublishedAndMarked() {
		Task first = this.outbox.add(aQueuedTask().build());
		Task second = this.outbox.add(aQueuedTask().build());

		int published = relay("process-a").relay();

		assertThat(published).isEqualTo(2);
		assertThat(this.broker.sent).extracting(TaskMessage::taskId).containsExactly(first.id(), second.id());
		assertThat(this.outbox.unpublished).isEmpty();
	}

	@Test
	void aTaskTheBrokerDidNotConfirmStaysInTheOutboxAndThePassStops() {
		Task first = this.outbox.add(aQueuedTask().build());
		this.outbox.add(aQueuedTask().build());
		this.broker.confirms = 1;

		int published = relay("process-a").relay();

		assertThat(published).isEqualTo(1);
		assertThat(this.broker.sent).extracting(TaskMessage::taskId).containsExactly(first.id());
		assertThat(this.outbox.unpublished).hasSize(1);
	}

	@Test
	void onlyTheHolderOfTheRelayLeasePublishes() {
		this.outbox.add(aQueuedTask().build());
		OutboxRelay active = relay("process-a");
		OutboxRelay standby = relay("process-b");
		assertThat(active.relay()).as("the first to ask takes the lease").isEqualTo(1);
		this.outbox.add(aQueuedTask().build());

		assertThat(standby.relay()).as("another process holds the lease").isZero();
		assertThat(active.relay()).isEqualTo(1);

		active.stop();
		this.outbox.add(aQueuedTask().build());
		assertThat(standby.relay()).as("the lease was given up").isEqualTo(1);
	}

	private OutboxRelay relay(String owner) {
		return new OutboxRelay(this.outbox, this.publisher, this.leases, "outbox-relay:test", owner,
				Duration.ZERO, Duration.ofSeconds(1));
	}

	/** Tasks in insertion order, unpublished until marked. */
	private static final class Outbox implements TaskOutbox {

		final Map<String, Task> unpublished = new LinkedHashMap<>();

		Task add(Task task) {
			this.unpublished.put(task.id(), task);
			return task;
		}

		@Override
		public void markPublished(String id) {
			this.unpublished.remove(id);
		}

		@Override
		public List<Task> findUnpublished(Duration age, int limit) {
			return this.unpublished.values().stream().limit(limit).toList();
		}

	}

	/** Confirms {@code confirms} messages, then refuses as a broker that went away. */
	private static final class Broker implements WorkQueue {

		final List<TaskMessage> sent = new ArrayList<>();

		int confirms = Integer.MAX_VALUE;

		@Override
		public void publish(TaskMessage message) {
			if (this.sent.size() >= this.confirms) {
				throw new TransientFailure("broker_unavailable", "no confirm");
			}
			this.sent.add(message);
		}

		@Override
		public QueueDepth inspect(JobType type) {
			return new QueueDepth(0, 0);
		}

	}

	/** Leases that never expire within a test. */
	private static final class Leases implements LeaseRegistry {

		private final Map<String, String> holders = new HashMap<>();

		@Override
		public boolean acquire(String key, String owner, Duration ttl) {
			return this.holders.putIfAbsent(key, owner) == null;
		}

		@Override
		public boolean renew(String key, String owner, Duration ttl) {
			return owner.equals(this.holders.get(key));
		}

		@Override
		public void release(String key, String owner) {
			this.holders.remove(key, owner);
		}

		@Override
		public Optional<String> holder(String key) {
			return Optional.ofNullable(this.holders.get(key));
		}

	}

}

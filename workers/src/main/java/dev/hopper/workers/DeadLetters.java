package dev.hopper.workers;

import java.time.Clock;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.JobType;
import dev.hopper.storage.amqp.DeadLetterPublisher;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;

/**
 * Where a message no worker can work goes: the broker's dead-letter queue (the message,
 * with its reason in headers) and the record operators list and redrive.
 */
class DeadLetters {

	private final DeadLetterPublisher publisher;

	private final DeadLetterStore records;

	private final Clock clock;

	DeadLetters(DeadLetterPublisher publisher, DeadLetterStore records, Clock clock) {
		this.publisher = publisher;
		this.records = records;
		this.clock = clock;
	}

	void send(Message message, @Nullable String taskId, JobType type, String code, String detail) {
		this.publisher.deadLetter(message, type, code, detail);
		this.records.record(new DeadLetter(TimeOrderedId.next(this.clock), taskId, type, code, detail,
				this.clock.instant(), null));
	}

}

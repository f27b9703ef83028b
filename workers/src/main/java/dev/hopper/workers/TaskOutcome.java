package dev.hopper.workers;

import java.util.Locale;

/** What a worker did with one delivery, and so what it tells the broker. */
enum TaskOutcome {

	/** The task succeeded; ack. */
	SUCCEEDED,

	/** The task failed for good with a reason; ack. */
	FAILED,

	/** An earlier run of the same work answered the task; no job ran; ack. */
	CACHED,

	/** A client cancelled the task and its job stopped; ack. */
	CANCELLED,

	/** The task finished earlier or runs elsewhere: a duplicate delivery; ack. */
	DUPLICATE,

	/** A transient failure gave the task back for a later attempt, which the outbox publishes; ack. */
	DEFERRED,

	/** This worker is shutting down and gave the task back; nack and requeue for another worker. */
	RETRY,

	/** The message cannot be worked (poison, unknown, exhausted); dead-letter it, then ack. */
	DEAD_LETTER;

	String metricName() {
		return name().toLowerCase(Locale.ROOT);
	}

}

package dev.hopper.core.task;

import java.time.Duration;
import java.util.List;

/**
 * Port for the outbox the task documents are: which tasks still need their message
 * published, and marking one published once the broker confirmed it.
 */
public interface TaskOutbox {

	/** The outbox: its message is confirmed by the broker. */
	void markPublished(String id);

	/** {@link #markPublished} for many at once. */
	default void markPublished(java.util.Collection<String> ids) {
		ids.forEach(this::markPublished);
	}

	/** Tasks accepted at least {@code age} ago whose message is not confirmed yet, and whose retry time (if any) has come. */
	List<Task> findUnpublished(Duration age, int limit);

}

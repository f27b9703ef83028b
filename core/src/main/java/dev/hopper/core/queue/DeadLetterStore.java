package dev.hopper.core.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

/** Port for the record of dead letters that operators list and redrive. */
public interface DeadLetterStore {

	void record(DeadLetter deadLetter);

	/** Newest first, those not yet redriven, after {@code beforeId} (null: from the newest). */
	List<DeadLetter> findPending(@Nullable String beforeId, int limit);

	Optional<DeadLetter> find(String id);

	/** How many dead letters of {@code type} wait for an operator (not yet redriven). */
	long countPending(JobType type);

	/** Marks it redriven; false if it was already. */
	boolean markRedriven(String id, Instant at);

}

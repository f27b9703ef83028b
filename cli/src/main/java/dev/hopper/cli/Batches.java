package dev.hopper.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.hopper.client.Batch;
import dev.hopper.client.HopperClient;
import dev.hopper.client.HopperProblem;

/** Commands that take batch or task ids look the id up as a batch first. */
final class Batches {

	private static final Duration POLL = Duration.ofSeconds(1);

	private Batches() {
	}

	/** The batch of that id (its counts, no tasks), or empty when there is none: it may be a task. */
	static Optional<Batch> find(HopperClient client, String id) throws IOException {
		try {
			return Optional.of(client.batch(id, 1, null));
		}
		catch (HopperProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/** The batch once it is closed and its state final, or as it is when {@code timeout} passes. */
	static Batch await(HopperClient client, Batch batch, Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		Batch now = batch;
		while (!(now.complete() && now.state().isFinal()) && Instant.now().isBefore(deadline)) {
			Thread.sleep(POLL.toMillis());
			now = client.batch(batch.id(), 1, null);
		}
		return now;
	}

}

package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Prints one fault's figures as a line of the test's output, so a run carries them to
 * docs/reliability.md: lost (the task did not succeed), duplicated (results or job
 * instances beyond one per task) and the time from the fault to the task's finish. The
 * tests assert the counts; this makes them readable.
 */
final class FaultReport {

	private FaultReport() {
	}

	static void print(String fault, JsonNode finished, long duplicated, Instant faultAt, String detail) {
		long lost = finished.get("state").asString().equals("SUCCEEDED") ? 0 : 1;
		Duration recovery = Duration.between(faultAt, Instant.parse(finished.get("finishedAt").asString()));
		System.out.printf("FAULT REPORT | %s | lost %d | duplicated %d | recovery %.1f s | %s%n", fault, lost,
				duplicated, recovery.toMillis() / 1000.0, detail);
	}

}

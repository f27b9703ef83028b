package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;

/**
 * One fault's figures, printed as a line of the test's output so a run carries them to
 * docs/reliability.md: lost (accepted tasks that did not succeed), duplicated (results or
 * job instances beyond one per task) and the time from the fault to the task's finish.
 * The tests assert the counts; this makes them readable.
 */
record FaultReport(String fault, long lost, long duplicated, Duration recovery, String detail) {

	static FaultReport of(String fault, long lost, long duplicated, Instant faultAt, Instant finishedAt,
			String detail) {
		return new FaultReport(fault, lost, duplicated, Duration.between(faultAt, finishedAt), detail);
	}

	FaultReport print() {
		System.out.printf("FAULT REPORT | %s | lost %d | duplicated %d | recovery %.1f s | %s%n", this.fault, this.lost,
				this.duplicated, this.recovery.toMillis() / 1000.0, this.detail);
		return this;
	}

}

package dev.hopper.core.task;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The tasks counted in one pass, per tenant and type: how many wait and run now, and what
 * arrived and finished in each minute of a recent window. Pages and gauges read a census
 * taken every few seconds instead of counting on each view.
 *
 * @param live QUEUED and RUNNING tasks
 * @param minutes arrivals and finishes per whole minute (UTC) since the window's start
 */
public record TaskCensus(List<Live> live, List<Minute> minutes) {

	public TaskCensus {
		live = List.copyOf(live);
		minutes = List.copyOf(minutes);
	}

	/**
	 * @param oldestCreatedAt when the longest-waiting one was accepted
	 */
	public record Live(String tenantId, JobType type, TaskState state, long count, @Nullable Instant oldestCreatedAt) {
	}

	/**
	 * @param minute the minute's start
	 * @param arrived tasks accepted in it
	 * @param succeeded tasks that succeeded in it
	 * @param failed tasks that failed in it
	 * @param cancelled tasks cancelled in it
	 */
	public record Minute(String tenantId, JobType type, Instant minute, long arrived, long succeeded, long failed,
			long cancelled) {

		public long finished() {
			return this.succeeded + this.failed + this.cancelled;
		}

	}

}

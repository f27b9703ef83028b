package dev.hopper.api.console;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.hopper.api.admin.QueueReport;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskCensus;
import dev.hopper.core.task.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * One job type on the overview, for a tenant (its own tasks) or the operator (everyone's),
 * read from the last census: nothing is counted while the page renders.
 *
 * @param oldestWaitSeconds how long the longest-waiting task has waited; null with none
 * @param finishedLastHour tasks that finished in the last hour
 * @param errorPercent the share of those that failed, in percent
 * @param liveWorkers worker processes consuming the type
 * @param chart finishes per minute over the hour: succeeded, failed and cancelled stacked
 */
public record Overview(String type, long waiting, long running, @Nullable Long oldestWaitSeconds,
		long finishedLastHour, long failedLastHour, int errorPercent, int liveWorkers, Chart chart) {

	static List<Overview> of(QueueReport.Snapshot snapshot, List<JobType> types, @Nullable String tenantId) {
		Instant thisMinute = snapshot.asOf().truncatedTo(ChronoUnit.MINUTES);
		List<Overview> rows = new ArrayList<>();
		for (JobType type : types) {
			long waiting = 0;
			long running = 0;
			Instant oldest = null;
			for (TaskCensus.Live live : snapshot.census().live()) {
				if (live.type().equals(type) && (tenantId == null || tenantId.equals(live.tenantId()))) {
					if (live.state() == TaskState.RUNNING) {
						running += live.count();
					}
					else {
						waiting += live.count();
						oldest = earlier(oldest, live.oldestCreatedAt());
					}
				}
			}
			int minutes = (int) QueueReport.CENSUS_WINDOW.toMinutes();
			long[][] perMinute = new long[minutes][3];
			for (TaskCensus.Minute minute : snapshot.census().minutes()) {
				int ago = (int) Duration.between(minute.minute(), thisMinute).toMinutes();
				if (minute.type().equals(type) && (tenantId == null || tenantId.equals(minute.tenantId())) && ago >= 0
						&& ago < minutes) {
					long[] column = perMinute[minutes - 1 - ago];
					column[0] += minute.succeeded();
					column[1] += minute.failed();
					column[2] += minute.cancelled();
				}
			}
			long finished = 0;
			long failed = 0;
			List<String> titles = new ArrayList<>();
			for (int i = 0; i < minutes; i++) {
				finished += perMinute[i][0] + perMinute[i][1] + perMinute[i][2];
				failed += perMinute[i][1];
				titles.add(thisMinute.minus(Duration.ofMinutes(minutes - 1 - i)) + ": " + perMinute[i][0]
						+ " succeeded, " + perMinute[i][1] + " failed, " + perMinute[i][2] + " cancelled");
			}
			Chart chart = Chart.columns(type.wireName() + ": " + finished + " finished in the last hour, " + failed
					+ " failed", 240, 48, titles, List.of(perMinute), "ok", "bad", "muted");
			Instant since = oldest;
			rows.add(new Overview(type.wireName(), waiting, running,
					(since != null) ? Math.max(0, Duration.between(since, snapshot.asOf()).toSeconds()) : null, finished,
					failed, (finished == 0) ? 0 : (int) Math.round(failed * 100.0 / finished),
					workers(snapshot, type), chart));
		}
		return rows;
	}

	private static int workers(QueueReport.Snapshot snapshot, JobType type) {
		return snapshot.queues().stream().filter((queue) -> queue.type().equals(type.wireName()))
			.mapToInt(QueueReport.QueueView::liveWorkers).sum();
	}

	private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

}

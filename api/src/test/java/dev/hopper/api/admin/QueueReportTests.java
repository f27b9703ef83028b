package dev.hopper.api.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.queue.QueueDepth;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskCensus;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The queue report's arithmetic over a census: sums across tenants, the oldest wait, rates over whole minutes. */
class QueueReportTests {

	private static final Instant NOW = Instant.parse("2026-12-05T12:10:30Z");

	private final TaskQueries tasks = mock(TaskQueries.class);

	private final WorkQueue queue = mock(WorkQueue.class);

	private final WorkerRegistry workers = mock(WorkerRegistry.class);

	private final QueueReport report = new QueueReport(JobTypes.withBuiltIns(List.of()), this.queue, this.tasks,
			mock(DeadLetterStore.class), this.workers, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void figuresComeFromTheCensusAcrossTenantsAndRatesCountTheirMinutes() {
		Instant thisMinute = Instant.parse("2026-12-05T12:10:00Z");
		given(this.tasks.census(thisMinute.minus(QueueReport.CENSUS_WINDOW))).willReturn(new TaskCensus(
				List.of(live("a", TaskState.RUNNING, 3, null), live("b", TaskState.RUNNING, 2, null),
						live("a", TaskState.QUEUED, 7, NOW.minusSeconds(90)),
						live("b", TaskState.QUEUED, 1, NOW.minusSeconds(30))),
				List.of(minute("a", thisMinute, 100), minute("a", thisMinute.minus(Duration.ofMinutes(1)), 6),
						minute("b", thisMinute.minus(Duration.ofMinutes(1)), 4),
						minute("a", thisMinute.minus(Duration.ofMinutes(5)), 10),
						minute("a", thisMinute.minus(Duration.ofMinutes(6)), 1000))));
		given(this.queue.inspect(any())).willReturn(new QueueDepth(8, 1));
		given(this.workers.all()).willReturn(List.of(new WorkerStatus("w1", "host", 1, "1", List.of("audio-features"),
				2, NOW.minusSeconds(600), NOW, Duration.ofSeconds(5), List.of())));

		QueueReport.QueueView audio = this.report.snapshot().queues().stream()
			.filter((view) -> view.type().equals("audio-features"))
			.findFirst()
			.orElseThrow();

		assertThat(audio.running()).isEqualTo(5);
		assertThat(audio.oldestWaitSeconds()).isEqualTo(90.0);
		assertThat(audio.arrivedPerMinute().lastMinute()).as("the minute before this one").isEqualTo(10);
		assertThat(audio.arrivedPerMinute().lastFiveMinutes()).as("(100 this minute so far + 6 + 4) / 5")
			.isEqualTo(22.0);
		assertThat(audio.finishedPerMinute().lastMinute()).isEqualTo(10);
		assertThat(audio.desiredWorkers()).as("(8 ready + 5 running) / 2 per worker").isEqualTo(7);
	}

	private static TaskCensus.Live live(String tenant, TaskState state, long count, Instant oldest) {
		return new TaskCensus.Live(tenant, JobType.AUDIO_FEATURES, state, count, oldest);
	}

	private static TaskCensus.Minute minute(String tenant, Instant at, long each) {
		return new TaskCensus.Minute(tenant, JobType.AUDIO_FEATURES, at, each, each, 0, 0);
	}

}

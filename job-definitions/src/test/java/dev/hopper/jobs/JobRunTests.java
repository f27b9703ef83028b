package dev.hopper.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.Upload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class JobRunTests {

	private final List<Progress> written = new ArrayList<>();

	private final TaskLifecycle tasks = mock(TaskLifecycle.class);

	private final Task task = Task.accepted("t1", "tenant", JobType.AUDIO_FEATURES,
			new Upload("uploads/t1", "0".repeat(64), 1000, ContentKind.WAV, "a.wav"), Map.of(), Instant.EPOCH);

	JobRunTests() {
		doAnswer((call) -> this.written.add(call.getArgument(1))).when(this.tasks).reportProgress(eq("t1"), any());
	}

	@Test
	void progressWithinAPaceOfTheRunsStartWaitsAndAReportAfterItIsWritten() throws Exception {
		JobRun run = new JobRun(this.task, false);
		run.call(() -> {
			JobRun.report(this.tasks, "t1", new Progress(1, 3));
			assertThat(this.written).isEmpty();
			Thread.sleep(JobRun.PACE.toMillis() + 50);
			JobRun.report(this.tasks, "t1", new Progress(2, 3));
			JobRun.report(this.tasks, "t1", new Progress(3, 3));
			return null;
		});

		assertThat(this.written).containsExactly(new Progress(2, 3));
		assertThat(run.unwrittenProgress()).isEqualTo(new Progress(3, 3));
	}

	@Test
	void anotherTasksProgressAndProgressOutsideARunAreWrittenAtOnce() throws Exception {
		JobRun.report(this.tasks, "t1", new Progress(1, 2));
		new JobRun(this.task, false).call(() -> {
			JobRun.report(this.tasks, "t2", new Progress(1, 2));
			return null;
		});

		assertThat(this.written).hasSize(1);
		verify(this.tasks).reportProgress("t2", new Progress(1, 2));
	}

	@Test
	void aRunNotesWhetherItsStoredResultIsDegraded() throws Exception {
		ResultStore results = mock(ResultStore.class);
		JobRun plain = new JobRun(this.task, false);
		JobRun degraded = new JobRun(this.task, false);
		JobRun none = new JobRun(this.task, false);

		plain.call(() -> JobRun.save(results, "t1", Map.of("features", 1)));
		degraded.call(() -> JobRun.save(results, "t1", Map.of(ResultCache.DEGRADED, Map.of("reason", "model_down"))));

		assertThat(plain.storedDegraded()).contains(false);
		assertThat(degraded.storedDegraded()).contains(true);
		assertThat(none.storedDegraded()).isEmpty();
	}

}

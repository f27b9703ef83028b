package dev.hopper.jobs.audio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.audio.engine.AudioSegment;
import dev.hopper.jobs.audio.engine.FeatureAnalyzer;
import dev.hopper.jobs.audio.engine.Signals;
import dev.hopper.jobs.audio.engine.StreamInfo;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

class FeatureAccumulatorTests {

	private static final int RATE = 8_000;

	private static final int SEGMENT = 4_000;

	private final double[] signal = Signals.concat(Signals.clicks(RATE, 2, 120), Signals.cadence(RATE, 3, true, 1));

	private final List<Progress> reported = new ArrayList<>();

	private final TaskLifecycle tasks = mock(TaskLifecycle.class);

	private final Task task = Task.accepted("t1", "tenant", JobType.AUDIO_FEATURES,
			new Upload("uploads/t1", "0".repeat(64), 1000, ContentKind.WAV, "a.wav"), Map.of(), Instant.EPOCH);

	FeatureAccumulatorTests() {
		doAnswer((call) -> this.reported.add(call.getArgument(1))).when(this.tasks).reportProgress(eq("t1"), any());
	}

	@Test
	void aRunThatIsNeverResumedKeepsItsAnalyzerAndGetsTheResultACheckpointedRunGets() throws Exception {
		ExecutionContext live = JobRun.of(this.task, false, this::analyseInChunksOfTwo);
		ExecutionContext checkpointed = JobRun.of(this.task, true, this::analyseInChunksOfTwo);

		assertThat(live.get(AudioJobParameters.ANALYSIS_STATE)).isInstanceOf(FeatureAnalyzer.class);
		assertThat(checkpointed.get(AudioJobParameters.ANALYSIS_STATE)).isInstanceOf(String.class);
		assertThat(FeatureAccumulator.restore(live).finish().toDocument())
			.isEqualTo(FeatureAccumulator.restore(checkpointed).finish().toDocument())
			.isEqualTo(Signals.analyze(RATE, 1, this.signal).toDocument());
	}

	@Test
	void progressIsReportedAfterEveryChunkUpToTheWholeFile() {
		// outside a run nothing paces the reports
		analyseInChunksOfTwo();

		long segments = segments();
		assertThat(segments).isGreaterThan(4);
		List<Long> done = this.reported.stream().map(Progress::done).toList();
		List<Long> expected = new ArrayList<>();
		for (long end = 2; end < segments; end += 2) {
			expected.add(end);
		}
		expected.add(segments);
		assertThat(done).isEqualTo(expected);
	}

	@Test
	void aRunsLastProgressIsTheWholeFileWrittenOrLeftForTheFinishingUpdate() throws Exception {
		long began = System.nanoTime();
		JobRun run = new JobRun(this.task, false);
		run.call(this::analyseInChunksOfTwo);
		long paces = (System.nanoTime() - began) / JobRun.PACE.toNanos();

		Progress last = (run.unwrittenProgress() != null) ? run.unwrittenProgress() : this.reported.get(this.reported.size() - 1);
		assertThat(last).isEqualTo(new Progress(segments(), segments()));
		assertThat((long) this.reported.size()).as("written at most once per %s", JobRun.PACE).isLessThanOrEqualTo(paces);
	}

	/** The signal through a fresh accumulator, two segments a chunk, as a step commits them. */
	private ExecutionContext analyseInChunksOfTwo() {
		ExecutionContext context = new ExecutionContext();
		FeatureAccumulator accumulator = new FeatureAccumulator("t1", this.tasks);
		accumulator.open(context);
		StreamInfo stream = new StreamInfo("wav", RATE, 1, this.signal.length);
		long count = segments();
		for (long first = 0; first < count; first += 2) {
			List<AudioSegment> chunk = new ArrayList<>();
			for (long index = first; index < Math.min(first + 2, count); index++) {
				int from = (int) index * SEGMENT;
				double[] samples = Arrays.copyOfRange(this.signal, from, Math.min(from + SEGMENT, this.signal.length));
				chunk.add(new AudioSegment(index, count, stream, samples.length, samples));
			}
			accumulator.write(new Chunk<>(chunk));
			accumulator.update(context);
		}
		return context;
	}

	private long segments() {
		return (this.signal.length + SEGMENT - 1) / SEGMENT;
	}

}

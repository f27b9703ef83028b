package dev.hopper.jobs.audio;

import java.util.Base64;

import dev.hopper.core.task.Progress;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.audio.engine.AudioSegment;
import dev.hopper.jobs.audio.engine.FeatureAnalyzer;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Feeds each chunk's segments to the file's {@link FeatureAnalyzer} and reports progress.
 * The analyzer's state is checkpointed into the step's execution context with each chunk,
 * so a restarted step resumes with exactly the state of the segments already committed;
 * a run that is never resumed ({@link JobRun#resumable()}) keeps the analyzer itself there.
 */
class FeatureAccumulator implements ItemStreamWriter<AudioSegment> {

	private final String taskId;

	private final TaskLifecycle tasks;

	private @Nullable FeatureAnalyzer analyzer;

	FeatureAccumulator(String taskId, TaskLifecycle tasks) {
		this.taskId = taskId;
		this.tasks = tasks;
	}

	@Override
	public void open(ExecutionContext context) {
		this.analyzer = restore(context);
	}

	static @Nullable FeatureAnalyzer restore(ExecutionContext context) {
		Object state = context.get(AudioJobParameters.ANALYSIS_STATE);
		if (state instanceof FeatureAnalyzer live) {
			return live;
		}
		return (state instanceof String checkpoint) ? FeatureAnalyzer.restore(Base64.getDecoder().decode(checkpoint))
				: null;
	}

	@Override
	public void write(Chunk<? extends AudioSegment> chunk) {
		AudioSegment last = null;
		for (AudioSegment segment : chunk) {
			if (this.analyzer == null) {
				this.analyzer = new FeatureAnalyzer(segment.stream());
			}
			this.analyzer.accept(segment);
			last = segment;
		}
		if (last != null) {
			JobRun.report(this.tasks, this.taskId, new Progress(last.index() + 1, last.count()));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.analyzer != null && !JobRun.resumable()) {
			// a run never resumed keeps the analyzer itself: its record lives only as long as the run
			context.put(AudioJobParameters.ANALYSIS_STATE, this.analyzer);
		}
		else if (this.analyzer != null) {
			context.putString(AudioJobParameters.ANALYSIS_STATE,
					Base64.getEncoder().encodeToString(this.analyzer.checkpoint()));
		}
	}

}

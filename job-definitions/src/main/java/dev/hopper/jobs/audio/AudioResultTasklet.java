package dev.hopper.jobs.audio;

import dev.hopper.core.result.ResultStore;
import dev.hopper.jobs.audio.engine.AudioFailure;
import dev.hopper.jobs.audio.engine.FeatureAnalyzer;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finishes the global features (tempo, key, gated loudness, medians) from the state the
 * analysis step accumulated, and stores the result once; a re-run finds it stored and
 * changes nothing.
 */
class AudioResultTasklet implements Tasklet {

	private final ResultStore results;

	AudioResultTasklet(ResultStore results) {
		this.results = results;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var stepExecution = chunkContext.getStepContext().getStepExecution();
		String taskId = stepExecution.getJobParameters().getString(AudioJobParameters.TASK_ID);
		FeatureAnalyzer analyzer = FeatureAccumulator.restore(stepExecution.getJobExecution().getExecutionContext());
		if (analyzer == null || analyzer.frames() == 0) {
			throw new AudioFailure(AudioFailure.EMPTY_AUDIO, "The file holds no audio samples");
		}
		this.results.saveOnce(taskId, analyzer.finish().toDocument());
		return RepeatStatus.FINISHED;
	}

}

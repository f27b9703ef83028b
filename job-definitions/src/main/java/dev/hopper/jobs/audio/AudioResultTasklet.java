package dev.hopper.jobs.audio;

import dev.hopper.core.result.ResultStore;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.audio.engine.AudioFailure;
import dev.hopper.jobs.audio.engine.FeatureAnalyzer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finishes the global features (tempo, key, gated loudness, medians) from the state the
 * analysis step accumulated, and stores the result once; a re-run finds it stored and
 * changes nothing.
 */
class AudioResultTasklet implements Tasklet {

	private final ResultStore results;

	private final JobRepository jobRepository;

	private final String analysisStep;

	AudioResultTasklet(ResultStore results, JobRepository jobRepository, String analysisStep) {
		this.results = results;
		this.jobRepository = jobRepository;
		this.analysisStep = analysisStep;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var stepExecution = chunkContext.getStepContext().getStepExecution();
		String taskId = stepExecution.getJobParameters().getString(AudioJobParameters.TASK_ID);
		// the analysis step's own context, as its last chunk committed it: a JVM that died
		// after that step completed may never have written anything promoted to the job
		StepExecution analysis = this.jobRepository.getLastStepExecution(stepExecution.getJobExecution().getJobInstance(),
				this.analysisStep);
		FeatureAnalyzer analyzer = (analysis != null) ? FeatureAccumulator.restore(analysis.getExecutionContext()) : null;
		if (analyzer == null || analyzer.frames() == 0) {
			throw new AudioFailure(AudioFailure.EMPTY_AUDIO, "The file holds no audio samples");
		}
		JobRun.save(this.results, taskId, analyzer.finish().toDocument());
		return RepeatStatus.FINISHED;
	}

}

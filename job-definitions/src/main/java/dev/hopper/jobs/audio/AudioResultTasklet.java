package dev.hopper.jobs.audio;

import java.util.Locale;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.AudioFailure;
import dev.hopper.jobs.audio.engine.AudioFeatures;
import dev.hopper.jobs.audio.engine.SignalLevels;
import dev.hopper.jobs.audio.engine.WavHeader;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Finishes the file's features from the levels the analysis step accumulated and stores
 * the result once; a re-run finds it stored and changes nothing.
 */
class AudioResultTasklet implements Tasklet {

	private final TaskStore tasks;

	private final BlobStore blobs;

	private final ResultStore results;

	AudioResultTasklet(TaskStore tasks, BlobStore blobs, ResultStore results) {
		this.tasks = tasks;
		this.blobs = blobs;
		this.results = results;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String taskId = chunkContext.getStepContext().getStepExecution().getJobParameters()
			.getString(AudioJobParameters.TASK_ID);
		AudioUpload upload = AudioUpload.of(taskId, this.tasks, this.blobs);
		WavHeader header = upload.header();
		if (header.frames() == 0) {
			throw new AudioFailure(AudioFailure.EMPTY_AUDIO, "The file holds no audio samples");
		}
		ExecutionContext accumulated = chunkContext.getStepContext().getStepExecution().getJobExecution()
			.getExecutionContext();
		SignalLevels levels = new SignalLevels(accumulated.getLong(AudioJobParameters.SAMPLES, 0L),
				accumulated.getDouble(AudioJobParameters.SUM_OF_SQUARES, 0.0),
				accumulated.getDouble(AudioJobParameters.PEAK, 0.0));
		AudioFeatures features = new AudioFeatures(header.durationSeconds(), header.sampleRate(), header.channels(),
				upload.task().upload().kind().name().toLowerCase(Locale.ROOT), levels);
		this.results.saveOnce(taskId, features.toDocument());
		return RepeatStatus.FINISHED;
	}

}

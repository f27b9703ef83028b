package dev.hopper.jobs.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.AudioFailure;
import dev.hopper.jobs.audio.engine.AudioFeatures;
import dev.hopper.jobs.audio.engine.SignalLevels;
import dev.hopper.jobs.audio.engine.WavHeader;
import dev.hopper.jobs.audio.engine.WavHeaderReader;

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
		Task task = this.tasks.find(taskId)
			.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + taskId + " does not exist"));
		WavHeader header = readHeader(task);
		if (header.frames() == 0) {
			throw new AudioFailure(AudioFailure.EMPTY_AUDIO, "The file holds no audio samples");
		}
		ExecutionContext accumulated = chunkContext.getStepContext().getStepExecution().getJobExecution()
			.getExecutionContext();
		SignalLevels levels = new SignalLevels(accumulated.getLong(AudioJobParameters.SAMPLES, 0L),
				accumulated.getDouble(AudioJobParameters.SUM_OF_SQUARES, 0.0),
				accumulated.getDouble(AudioJobParameters.PEAK, 0.0));
		AudioFeatures features = new AudioFeatures(header.durationSeconds(), header.sampleRate(), header.channels(),
				task.upload().kind().name().toLowerCase(java.util.Locale.ROOT), levels);
		this.results.saveOnce(taskId, features.toDocument());
		return RepeatStatus.FINISHED;
	}

	private WavHeader readHeader(Task task) {
		try (InputStream head = this.blobs.open(task.upload().blobKey(), 0)) {
			return WavHeaderReader.read(head, task.upload().sizeBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

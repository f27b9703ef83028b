package dev.hopper.jobs.audio;

import dev.hopper.core.task.Progress;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.SignalLevels;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Adds each chunk's measurements to the file's running levels and reports progress. The
 * running levels live in the step's execution context, committed with each chunk, so a
 * restarted step resumes with exactly the levels of the segments already committed.
 */
class LevelsAccumulator implements ItemStreamWriter<SegmentMeasurement> {

	private final String taskId;

	private final TaskStore tasks;

	private SignalLevels levels = SignalLevels.NONE;

	LevelsAccumulator(String taskId, TaskStore tasks) {
		this.taskId = taskId;
		this.tasks = tasks;
	}

	@Override
	public void open(ExecutionContext context) {
		this.levels = new SignalLevels(context.getLong(AudioJobParameters.SAMPLES, 0L),
				context.getDouble(AudioJobParameters.SUM_OF_SQUARES, 0.0), context.getDouble(AudioJobParameters.PEAK, 0.0));
	}

	@Override
	public void write(Chunk<? extends SegmentMeasurement> chunk) {
		SegmentMeasurement last = null;
		for (SegmentMeasurement measurement : chunk) {
			this.levels = this.levels.plus(measurement.levels());
			last = measurement;
		}
		if (last != null) {
			this.tasks.reportProgress(this.taskId, new Progress(last.index() + 1, last.count()));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AudioJobParameters.SAMPLES, this.levels.samples());
		context.putDouble(AudioJobParameters.SUM_OF_SQUARES, this.levels.sumOfSquares());
		context.putDouble(AudioJobParameters.PEAK, this.levels.peak());
	}

}

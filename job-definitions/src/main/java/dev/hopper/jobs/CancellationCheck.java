package dev.hopper.jobs;

import dev.hopper.core.task.TaskLifecycle;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Stops a chunk step at the boundary after a client cancels its task, or when this worker
 * drains for shutdown: the chunk that just committed stays committed, and the step ends
 * STOPPED before reading the next one. The store is asked at most once per
 * {@link JobRun#PACE} (the claim has just read the task when a step begins), so a cancel
 * takes effect within that pace plus one chunk. Every chunk step of every job registers one.
 */
public class CancellationCheck implements StepExecutionListener, ChunkListener<Object, Object> {

	private final String taskId;

	private final TaskLifecycle tasks;

	private final WorkerDrain drain;

	private @Nullable StepExecution stepExecution;

	private Pace asks = new Pace();

	public CancellationCheck(String taskId, TaskLifecycle tasks, WorkerDrain drain) {
		this.taskId = taskId;
		this.tasks = tasks;
		this.drain = drain;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.asks = new Pace();
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		if (this.stepExecution != null
				&& (this.drain.isDraining() || (this.asks.due() && this.tasks.shouldStop(this.taskId)))) {
			this.stepExecution.setTerminateOnly();
		}
	}

}

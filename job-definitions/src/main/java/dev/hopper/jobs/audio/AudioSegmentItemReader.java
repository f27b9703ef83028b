package dev.hopper.jobs.audio;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.jobs.audio.engine.AudioSegment;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the task's file as {@link AudioSegment}s. On restart it starts at the first
 * segment not yet committed: WAV opens the object at that byte offset, compressed formats
 * decode up to it without analysing.
 */
class AudioSegmentItemReader implements ItemStreamReader<AudioSegment> {

	private final String taskId;

	private final TaskQueries tasks;

	private final BlobStore blobs;

	private final int segmentFrames;

	private AudioUpload.@Nullable Opened opened;

	private long next;

	AudioSegmentItemReader(String taskId, TaskQueries tasks, BlobStore blobs, int segmentFrames) {
		this.taskId = taskId;
		this.tasks = tasks;
		this.blobs = blobs;
		this.segmentFrames = segmentFrames;
	}

	@Override
	public void open(ExecutionContext context) {
		this.next = context.getLong(AudioJobParameters.NEXT_SEGMENT, 0L);
		this.opened = AudioUpload.of(this.taskId, this.tasks, this.blobs).open(this.segmentFrames, this.next);
	}

	@Override
	public @Nullable AudioSegment read() {
		if (this.opened == null) {
			throw new IllegalStateException("read before open");
		}
		AudioSegment segment = this.opened.segments().next();
		if (segment != null) {
			this.next = segment.index() + 1;
		}
		return segment;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(AudioJobParameters.NEXT_SEGMENT, this.next);
	}

	@Override
	public void close() {
		if (this.opened != null) {
			this.opened.decoder().close();
			this.opened = null;
		}
	}

}

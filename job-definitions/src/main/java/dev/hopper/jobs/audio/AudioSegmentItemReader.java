package dev.hopper.jobs.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.AudioSegment;
import dev.hopper.jobs.audio.engine.PcmSegmentReader;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the task's file as {@link AudioSegment}s. On restart it opens the object at the
 * byte offset of the first segment not yet committed, so nothing before it is read again.
 */
class AudioSegmentItemReader implements ItemStreamReader<AudioSegment> {

	private final String taskId;

	private final TaskStore tasks;

	private final BlobStore blobs;

	private final int segmentFrames;

	private @Nullable InputStream stream;

	private @Nullable PcmSegmentReader segments;

	private long next;

	AudioSegmentItemReader(String taskId, TaskStore tasks, BlobStore blobs, int segmentFrames) {
		this.taskId = taskId;
		this.tasks = tasks;
		this.blobs = blobs;
		this.segmentFrames = segmentFrames;
	}

	@Override
	public void open(ExecutionContext context) {
		AudioUpload upload = AudioUpload.of(this.taskId, this.tasks, this.blobs);
		this.next = context.getLong(AudioJobParameters.NEXT_SEGMENT, 0L);
		this.stream = this.blobs.open(upload.blobKey(),
				PcmSegmentReader.offsetOf(upload.header(), this.segmentFrames, this.next));
		this.segments = new PcmSegmentReader(this.stream, upload.header(), this.segmentFrames, this.next);
	}

	@Override
	public @Nullable AudioSegment read() {
		if (this.segments == null) {
			throw new IllegalStateException("read before open");
		}
		AudioSegment segment = this.segments.next();
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
		if (this.stream != null) {
			try {
				this.stream.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.stream = null;
		}
	}

}

package dev.hopper.jobs.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.audio.engine.AudioDecoder;
import dev.hopper.jobs.audio.engine.AudioDecoders;
import dev.hopper.jobs.audio.engine.SegmentReader;

/** A task's uploaded audio file, opened as segments from any point. */
record AudioUpload(Task task, BlobStore blobs) {

	static AudioUpload of(String taskId, TaskQueries tasks, BlobStore blobs) {
		return new AudioUpload(JobRun.task(taskId, tasks), blobs);
	}

	/** Segments from {@code firstIndex} on; the caller closes the returned decoder. */
	Opened open(int segmentFrames, long firstIndex) {
		long[] consumed = new long[1];
		AudioDecoders.Source source = (offset) -> new Counting(this.blobs.open(this.task.upload().blobKey(), offset),
				consumed, offset);
		AudioDecoder decoder = AudioDecoders.open(this.task.upload().kind(), source, this.task.upload().sizeBytes(),
				SegmentReader.firstFrameOf(firstIndex, segmentFrames));
		return new Opened(decoder, new SegmentReader(decoder, segmentFrames, firstIndex,
				this.task.upload().sizeBytes(), () -> consumed[0]));
	}

	record Opened(AudioDecoder decoder, SegmentReader segments) {
	}

	/** Records how far into the file the last stream opened has read. */
	private static final class Counting extends FilterInputStream {

		private final long[] position;

		Counting(InputStream in, long[] position, long offset) {
			super(in);
			this.position = position;
			this.position[0] = offset;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.position[0]++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.position[0] += n;
			}
			return n;
		}

	}

}

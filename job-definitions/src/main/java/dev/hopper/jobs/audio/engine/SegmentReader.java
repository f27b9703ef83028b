package dev.hopper.jobs.audio.engine;

import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a decoder's output into {@link AudioSegment}s of a fixed frame count, one in memory
 * at a time. Segment {@code k} starts at frame {@code k * segmentFrames}.
 */
public final class SegmentReader {

	private final AudioDecoder decoder;

	private final int segmentFrames;

	private final long sizeBytes;

	private final LongSupplier bytesConsumed;

	private long framesRead;

	private long nextIndex;

	/**
	 * @param decoder positioned at the first frame of segment {@code firstIndex}
	 * @param sizeBytes the file's size
	 * @param bytesConsumed how much of the file the decoder has read so far, to estimate the
	 * segment count of streams whose headers do not give their length
	 */
	public SegmentReader(AudioDecoder decoder, int segmentFrames, long firstIndex, long sizeBytes,
			LongSupplier bytesConsumed) {
		if (segmentFrames < 1) {
			throw new IllegalArgumentException("segmentFrames must be positive: " + segmentFrames);
		}
		this.decoder = decoder;
		this.segmentFrames = segmentFrames;
		this.sizeBytes = sizeBytes;
		this.bytesConsumed = bytesConsumed;
		this.nextIndex = firstIndex;
		this.framesRead = firstIndex * segmentFrames;
	}

	public static long firstFrameOf(long index, int segmentFrames) {
		return index * segmentFrames;
	}

	/** The next segment, or {@code null} after the last. */
	public @Nullable AudioSegment next() {
		StreamInfo info = this.decoder.info();
		double[] samples = new double[this.segmentFrames * info.channels()];
		int frames = this.decoder.read(samples, this.segmentFrames);
		if (frames == 0) {
			return null;
		}
		this.framesRead += frames;
		long index = this.nextIndex++;
		return new AudioSegment(index, Math.max(index + 1, segmentCount()), info, frames, samples);
	}

	private long segmentCount() {
		long total = this.decoder.info().frames();
		if (total < 0) {
			long consumed = Math.max(1, this.bytesConsumed.getAsLong());
			total = (long) (this.framesRead * ((double) this.sizeBytes / consumed));
		}
		return (total + this.segmentFrames - 1) / this.segmentFrames;
	}

}

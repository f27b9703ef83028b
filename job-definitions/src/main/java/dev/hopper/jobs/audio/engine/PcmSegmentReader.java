package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a WAV data chunk into {@link AudioSegment}s of a fixed frame count, holding one
 * segment in memory at a time. Segment {@code k} starts at frame {@code k * segmentFrames},
 * so a reader can be positioned at any segment by opening the file at its byte offset.
 */
public final class PcmSegmentReader {

	private final InputStream data;

	private final WavHeader header;

	private final int segmentFrames;

	private final byte[] buffer;

	private long nextIndex;

	/**
	 * @param data the file, positioned at the first byte of segment {@code firstIndex}
	 */
	public PcmSegmentReader(InputStream data, WavHeader header, int segmentFrames, long firstIndex) {
		if (segmentFrames < 1) {
			throw new IllegalArgumentException("segmentFrames must be positive: " + segmentFrames);
		}
		this.data = data;
		this.header = header;
		this.segmentFrames = segmentFrames;
		this.buffer = new byte[segmentFrames * header.frameBytes()];
		this.nextIndex = firstIndex;
	}

	/** Byte offset in the file where segment {@code index} starts. */
	public static long offsetOf(WavHeader header, int segmentFrames, long index) {
		return header.dataOffset() + index * segmentFrames * (long) header.frameBytes();
	}

	public static long segmentCount(WavHeader header, int segmentFrames) {
		return (header.frames() + segmentFrames - 1) / segmentFrames;
	}

	/** The next segment, or {@code null} after the last. */
	public @Nullable AudioSegment next() {
		long firstFrame = this.nextIndex * this.segmentFrames;
		long remaining = this.header.frames() - firstFrame;
		if (remaining <= 0) {
			return null;
		}
		int frames = (int) Math.min(this.segmentFrames, remaining);
		int frameBytes = this.header.frameBytes();
		int wanted = frames * frameBytes;
		int got = readFully(wanted);
		if (got < wanted) {
			// the object is shorter than its size said: keep the whole frames that did arrive
			frames = got / frameBytes;
			if (frames == 0) {
				throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The audio data ends early, at frame " + firstFrame);
			}
		}
		int sampleBytes = this.header.encoding().bytes();
		double[] samples = new double[frames * this.header.channels()];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = this.header.encoding().decode(this.buffer, i * sampleBytes);
		}
		return new AudioSegment(this.nextIndex++, segmentCount(this.header, this.segmentFrames), this.header.channels(),
				frames, samples);
	}

	private int readFully(int wanted) {
		int total = 0;
		try {
			while (total < wanted) {
				int n = this.data.read(this.buffer, total, wanted - total);
				if (n < 0) {
					break;
				}
				total += n;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total;
	}

}

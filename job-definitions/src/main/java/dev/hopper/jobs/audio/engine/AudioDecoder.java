package dev.hopper.jobs.audio.engine;

import java.io.Closeable;

/**
 * Decodes one audio stream to interleaved samples in [-1, 1]. Any problem with the bytes
 * surfaces as an {@link AudioFailure}; decoders never loop without consuming input.
 */
public interface AudioDecoder extends Closeable {

	StreamInfo info();

	/**
	 * Decodes {@code maxFrames} frames into {@code interleaved}, or fewer at the end.
	 * @return frames decoded: less than {@code maxFrames} only at the end of the stream
	 */
	int read(double[] interleaved, int maxFrames);

	/** Decodes and drops {@code frames} frames; formats that can seek override this. */
	default void skip(long frames) {
		double[] scratch = new double[4096 * info().channels()];
		long left = frames;
		while (left > 0) {
			int n = read(scratch, (int) Math.min(left, 4096));
			if (n == 0) {
				return;
			}
			left -= n;
		}
	}

	@Override
	void close();

}

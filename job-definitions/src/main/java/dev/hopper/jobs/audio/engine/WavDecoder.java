package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * PCM and float WAV. Frames sit at fixed byte offsets, so the decoder starts at any frame
 * by opening the file there; a data chunk cut short is read to its last whole frame.
 */
final class WavDecoder implements AudioDecoder {

	private final InputStream data;

	private final WavHeader header;

	private final StreamInfo info;

	private byte[] buffer = new byte[0];

	private long remaining;

	/**
	 * @param data the file, positioned at frame {@code firstFrame}
	 */
	WavDecoder(InputStream data, WavHeader header, long firstFrame) {
		this.data = data;
		this.header = header;
		this.info = StreamInfo.checked("wav", header.sampleRate(), header.channels(), header.frames());
		this.remaining = Math.max(0, header.frames() - firstFrame);
	}

	static long offsetOf(WavHeader header, long frame) {
		return header.dataOffset() + frame * header.frameBytes();
	}

	@Override
	public StreamInfo info() {
		return this.info;
	}

	@Override
	public int read(double[] interleaved, int maxFrames) {
		int frames = (int) Math.min(maxFrames, this.remaining);
		if (frames == 0) {
			return 0;
		}
		int frameBytes = this.header.frameBytes();
		int wanted = frames * frameBytes;
		if (this.buffer.length < wanted) {
			this.buffer = new byte[wanted];
		}
		int got = readFully(wanted);
		frames = got / frameBytes;
		this.remaining = (got < wanted) ? 0 : this.remaining - frames;
		SampleEncoding encoding = this.header.encoding();
		int sampleBytes = encoding.bytes();
		int samples = frames * this.header.channels();
		for (int i = 0; i < samples; i++) {
			interleaved[i] = encoding.decode(this.buffer, i * sampleBytes);
		}
		return frames;
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

	@Override
	public void close() {
		try {
			this.data.close();
		}
		catch (IOException ex) {
			// a read stream: nothing to lose
		}
	}

}

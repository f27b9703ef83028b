package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Base for codecs that decode a packet at a time: it hands out a packet's frames across
 * calls to {@link #read} and turns anything a codec library throws into
 * {@code corrupt_audio}, so a hostile file fails its task instead of its worker.
 */
abstract class BufferedDecoder implements AudioDecoder {

	private final InputStream input;

	private StreamInfo info;

	private double[] pending = new double[0];

	private int pendingFrames;

	private int pendingOffset;

	private boolean ended;

	BufferedDecoder(InputStream input) {
		this.input = input;
	}

	/** Reads the headers; called once by the factory, before any {@link #read}. */
	final void start() {
		this.info = guard(this::readHeaders);
	}

	abstract StreamInfo readHeaders() throws Exception;

	/**
	 * Decodes the next packet into {@link #pendingBuffer}.
	 * @return frames decoded (may be 0 for packets without audio), or {@code -1} at the end
	 */
	abstract int decodePacket() throws Exception;

	final double[] pendingBuffer(int frames) {
		int needed = frames * this.info.channels();
		if (this.pending.length < needed) {
			this.pending = new double[needed];
		}
		return this.pending;
	}

	final InputStream input() {
		return this.input;
	}

	@Override
	public StreamInfo info() {
		return this.info;
	}

	@Override
	public int read(double[] interleaved, int maxFrames) {
		int channels = this.info.channels();
		int done = 0;
		int emptyPackets = 0;
		while (done < maxFrames) {
			if (this.pendingOffset == this.pendingFrames) {
				if (this.ended) {
					break;
				}
				int decoded = guard(this::decodePacket);
				if (decoded < 0) {
					this.ended = true;
					break;
				}
				this.pendingFrames = decoded;
				this.pendingOffset = 0;
				if (decoded == 0 && ++emptyPackets > 100_000) {
					throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The stream holds packets but no audio");
				}
				continue;
			}
			int take = Math.min(maxFrames - done, this.pendingFrames - this.pendingOffset);
			System.arraycopy(this.pending, this.pendingOffset * channels, interleaved, done * channels,
					take * channels);
			this.pendingOffset += take;
			done += take;
		}
		return done;
	}

	@Override
	public void close() {
		try {
			this.input.close();
		}
		catch (IOException ex) {
			// nothing was written; a failed close of a read stream loses nothing
		}
	}

	private <T> T guard(Step<T> step) {
		try {
			return step.run();
		}
		catch (AudioFailure ex) {
			throw ex;
		}
		catch (java.io.EOFException ex) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The " + formatName() + " stream ends inside a block");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (Exception | StackOverflowError ex) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO,
					"The " + formatName() + " stream is damaged: " + ex.getClass().getSimpleName()
							+ ((ex.getMessage() == null) ? "" : " (" + ex.getMessage() + ")"));
		}
	}

	abstract String formatName();

	@FunctionalInterface
	private interface Step<T> {

		T run() throws Exception;

	}

}

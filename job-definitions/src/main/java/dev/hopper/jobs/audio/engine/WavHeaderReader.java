package dev.hopper.jobs.audio.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a RIFF/WAVE header up to the start of its data chunk: PCM 8/16/24/32-bit, IEEE float
 * 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE, any channel count up to {@link StreamInfo#MAX_CHANNELS}.
 */
public final class WavHeaderReader {



	/** How far into the file the data chunk must start; a header is never this large. */
	private static final long MAX_HEADER_BYTES = 1 << 20;

	private static final int FORMAT_PCM = 1;

	private static final int FORMAT_FLOAT = 3;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	private WavHeaderReader() {
	}

	/**
	 * @param in the file from its first byte; left positioned at the first sample
	 * @param fileSize the file's real size, which bounds what the header may claim
	 */
	public static WavHeader read(InputStream in, long fileSize) {
		try {
			return parse(new LittleEndianInput(in), fileSize);
		}
		catch (EOFException ex) {
			throw corrupt("the header ends before the audio data starts");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static WavHeader parse(LittleEndianInput in, long fileSize) throws IOException {
		if (!"RIFF".equals(in.fourCc()) || in.uint32() < 4 || !"WAVE".equals(in.fourCc())) {
			throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT, "Not a RIFF/WAVE file");
		}
		SampleEncoding encoding = null;
		int channels = 0;
		int sampleRate = 0;
		while (in.position() < MAX_HEADER_BYTES) {
			String id = in.fourCc();
			long size = in.uint32();
			if ("fmt ".equals(id)) {
				if (size < 16 || size > 1024) {
					throw corrupt("the fmt chunk has an impossible size " + size);
				}
				int format = in.uint16();
				channels = in.uint16();
				sampleRate = (int) Math.min(Integer.MAX_VALUE, in.uint32());
				in.skip(6); // byte rate and block align follow from the rest
				int bits = in.uint16();
				long read = 16;
				if (format == FORMAT_EXTENSIBLE && size >= 40) {
					in.skip(8); // cbSize, valid bits, channel mask
					format = in.uint16();
					read += 10;
				}
				in.skip(size - read + (size & 1));
				encoding = encodingOf(format, bits);
				checkLayout(channels, sampleRate);
			}
			else if ("data".equals(id)) {
				if (encoding == null) {
					throw corrupt("the data chunk comes before the fmt chunk");
				}
				long offset = in.position();
				long present = Math.max(0, fileSize - offset);
				return new WavHeader(encoding, channels, sampleRate, offset, Math.min(size, present));
			}
			else {
				in.skip(size + (size & 1));
			}
		}
		throw corrupt("no data chunk in the first " + MAX_HEADER_BYTES + " bytes");
	}

	private static SampleEncoding encodingOf(int format, int bits) {
		if (format == FORMAT_PCM) {
			return switch (bits) {
				case 8 -> SampleEncoding.PCM_U8;
				case 16 -> SampleEncoding.PCM_S16;
				case 24 -> SampleEncoding.PCM_S24;
				case 32 -> SampleEncoding.PCM_S32;
				default -> throw unsupported("PCM with " + bits + " bits per sample");
			};
		}
		if (format == FORMAT_FLOAT) {
			return switch (bits) {
				case 32 -> SampleEncoding.FLOAT32;
				case 64 -> SampleEncoding.FLOAT64;
				default -> throw unsupported("float with " + bits + " bits per sample");
			};
		}
		throw unsupported("WAV format code 0x" + Integer.toHexString(format) + " (compressed WAV)");
	}

	private static void checkLayout(int channels, int sampleRate) {
		if (channels < 1 || channels > StreamInfo.MAX_CHANNELS) {
			throw corrupt("the header declares " + channels + " channels");
		}
		if (sampleRate < 1 || sampleRate > StreamInfo.MAX_SAMPLE_RATE) {
			throw corrupt("the header declares a sample rate of " + sampleRate + " Hz");
		}
	}

	private static AudioFailure corrupt(String why) {
		return new AudioFailure(AudioFailure.CORRUPT_AUDIO, "Corrupt WAV file: " + why);
	}

	private static AudioFailure unsupported(String what) {
		return new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT, "Unsupported WAV encoding: " + what);
	}

	/** Little-endian reads that track the position and treat a short read as the end. */
	private static final class LittleEndianInput {

		private final InputStream in;

		private long position;

		LittleEndianInput(InputStream in) {
			this.in = in;
		}

		long position() {
			return this.position;
		}

		int uint8() throws IOException {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException();
			}
			this.position++;
			return b;
		}

		int uint16() throws IOException {
			return uint8() | (uint8() << 8);
		}

		long uint32() throws IOException {
			return (uint16() & 0xFFFFL) | ((long) uint16() << 16);
		}

		String fourCc() throws IOException {
			char[] chars = { (char) uint8(), (char) uint8(), (char) uint8(), (char) uint8() };
			return new String(chars);
		}

		void skip(long count) throws IOException {
			for (long remaining = count; remaining > 0;) {
				long skipped = this.in.skip(remaining);
				if (skipped <= 0) {
					uint8();
					skipped = 1;
				}
				else {
					this.position += skipped;
				}
				remaining -= skipped;
			}
		}

	}

}

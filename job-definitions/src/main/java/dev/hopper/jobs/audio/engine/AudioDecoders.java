package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import dev.hopper.core.content.ContentKind;

/** Opens the decoder for a file's content kind, positioned at any frame. */
public final class AudioDecoders {

	/** Where a file's bytes come from: a stream from any byte offset. */
	@FunctionalInterface
	public interface Source {

		InputStream open(long offset) throws IOException;

		/** A local file. */
		static Source of(java.nio.file.Path file) {
			return (offset) -> {
				InputStream in = java.nio.file.Files.newInputStream(file);
				in.skipNBytes(offset);
				return in;
			};
		}

	}

	private AudioDecoders() {
	}

	/**
	 * A decoder for {@code kind} whose first {@link AudioDecoder#read} returns frame
	 * {@code firstFrame}. WAV seeks to it; compressed formats decode up to it.
	 */
	public static AudioDecoder open(ContentKind kind, Source source, long sizeBytes, long firstFrame) {
		return switch (kind) {
			case WAV -> wav(source, sizeBytes, firstFrame);
			case FLAC -> started(source, FlacDecoder::new, firstFrame);
			case MP3 -> started(source, Mp3Decoder::new, firstFrame);
			case OGG -> started(source, VorbisDecoder::new, firstFrame);
			default -> throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					"Audio must be WAV, FLAC, MP3 or Ogg Vorbis; this file's content is " + kind.name());
		};
	}

	/**
	 * Reads the header, then goes on in the same stream when the first frame is near: a run
	 * from the start costs the object store one request, not two. A frame further on is
	 * read from a stream opened where it begins.
	 */
	private static AudioDecoder wav(Source source, long sizeBytes, long firstFrame) {
		Positioned head = new Positioned(openAt(source, 0));
		try {
			WavHeader header = WavHeaderReader.read(head, sizeBytes);
			long gap = WavDecoder.offsetOf(header, firstFrame) - head.position;
			if (gap >= 0 && gap <= NEAR) {
				head.skipNBytes(gap);
				return new WavDecoder(head, header, firstFrame);
			}
			head.close();
			return new WavDecoder(openAt(source, WavDecoder.offsetOf(header, firstFrame)), header, firstFrame);
		}
		catch (IOException | RuntimeException ex) {
			try {
				head.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			if (ex instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw (RuntimeException) ex;
		}
	}

	/** A decoder over bytes in memory, from the first frame. */
	public static AudioDecoder open(ContentKind kind, byte[] file) {
		return open(kind, (offset) -> {
			java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(file);
			in.skip(offset);
			return in;
		}, file.length, 0);
	}

	private static AudioDecoder started(Source source, Function<InputStream, BufferedDecoder> codec, long firstFrame) {
		BufferedDecoder decoder = codec.apply(openAt(source, 0));
		try {
			decoder.start();
			decoder.skip(firstFrame);
			return decoder;
		}
		catch (RuntimeException ex) {
			decoder.close();
			throw ex;
		}
	}

	/** How far past the header a stream is read on rather than opened again. */
	private static final long NEAR = 256 * 1024;

	/** A stream that knows how far it has been read. */
	private static final class Positioned extends java.io.FilterInputStream {

		private long position;

		Positioned(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.position++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.position += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.position += skipped;
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

	}

	private static InputStream openAt(Source source, long offset) {
		try {
			return source.open(offset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

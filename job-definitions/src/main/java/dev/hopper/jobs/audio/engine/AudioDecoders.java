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
			case WAV -> {
				WavHeader header;
				try (InputStream head = source.open(0)) {
					header = WavHeaderReader.read(head, sizeBytes);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				yield new WavDecoder(openAt(source, WavDecoder.offsetOf(header, firstFrame)), header, firstFrame);
			}
			case FLAC -> started(source, FlacDecoder::new, firstFrame);
			case MP3 -> started(source, Mp3Decoder::new, firstFrame);
			case OGG -> started(source, VorbisDecoder::new, firstFrame);
			default -> throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					"Audio must be WAV, FLAC, MP3 or Ogg Vorbis; this file's content is " + kind.name());
		};
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

	private static InputStream openAt(Source source, long offset) {
		try {
			return source.open(offset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.hopper.core.content;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An image's width and height as its header declares them, read without decoding a pixel,
 * so a pixel bomb is refused before anything allocates its raster.
 */
public record ImageDimensions(long width, long height) {

	public long pixels() {
		return this.width * this.height;
	}

	/**
	 * From a file's leading bytes: PNG and WebP declare their size within the first 30
	 * bytes; JPEG declares it in a frame header that may follow kilobytes of metadata, so
	 * for JPEG this answers empty and {@link #read(InputStream)} must scan the stream.
	 */
	public static Optional<ImageDimensions> fromHead(ContentKind kind, byte[] head, int length) {
		return switch (kind) {
			case PNG -> (length >= 24 && ascii(head, 12, "IHDR"))
					? Optional.of(new ImageDimensions(u32be(head, 16), u32be(head, 20))) : Optional.empty();
			case WEBP -> webp(head, length);
			default -> Optional.empty();
		};
	}

	/** Reads the stream up to the header that declares the size (PNG, WebP or JPEG). */
	public static Optional<ImageDimensions> read(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] head = new byte[ContentSniffer.HEAD_LENGTH];
		int length = data.readNBytes(head, 0, 2);
		if (length == 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
			return jpeg(data);
		}
		length += data.readNBytes(head, 2, head.length - 2);
		return fromHead(ContentSniffer.detect(head, length), head, length);
	}

	private static Optional<ImageDimensions> webp(byte[] head, int length) {
		if (length < 30) {
			return Optional.empty();
		}
		if (ascii(head, 12, "VP8X")) {
			return Optional.of(new ImageDimensions(u24le(head, 24) + 1, u24le(head, 27) + 1));
		}
		if (ascii(head, 12, "VP8L") && (head[20] & 0xFF) == 0x2F) {
			long bits = u32le(head, 21);
			return Optional.of(new ImageDimensions((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
		}
		if (ascii(head, 12, "VP8 ") && (head[23] & 0xFF) == 0x9D && (head[24] & 0xFF) == 0x01
				&& (head[25] & 0xFF) == 0x2A) {
			return Optional.of(new ImageDimensions(u16le(head, 26) & 0x3FFF, u16le(head, 28) & 0x3FFF));
		}
		return Optional.empty();
	}

	private static Optional<ImageDimensions> jpeg(DataInputStream in) throws IOException {
		try {
			while (true) {
				int marker = in.readUnsignedByte();
				if (marker != 0xFF) {
					return Optional.empty();
				}
				int type = in.readUnsignedByte();
				while (type == 0xFF) {
					type = in.readUnsignedByte();
				}
				if (type == 0xD8 || (type >= 0xD0 && type <= 0xD7) || type == 0x01) {
					continue;
				}
				if (type == 0xD9 || type == 0xDA) {
					return Optional.empty();
				}
				int segment = in.readUnsignedShort();
				if (segment < 2) {
					return Optional.empty();
				}
				if (isStartOfFrame(type)) {
					in.readUnsignedByte();
					long height = in.readUnsignedShort();
					long width = in.readUnsignedShort();
					return Optional.of(new ImageDimensions(width, height));
				}
				in.skipNBytes(segment - 2L);
			}
		}
		catch (EOFException ex) {
			return Optional.empty();
		}
	}

	private static boolean isStartOfFrame(int type) {
		return type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
	}

	private static boolean ascii(byte[] bytes, int offset, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static long u32be(byte[] b, int i) {
		return ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
	}

	private static long u32le(byte[] b, int i) {
		return (b[i] & 0xFFL) | ((b[i + 1] & 0xFFL) << 8) | ((b[i + 2] & 0xFFL) << 16) | ((b[i + 3] & 0xFFL) << 24);
	}

	private static long u24le(byte[] b, int i) {
		return (b[i] & 0xFFL) | ((b[i + 1] & 0xFFL) << 8) | ((b[i + 2] & 0xFFL) << 16);
	}

	private static long u16le(byte[] b, int i) {
		return (b[i] & 0xFFL) | ((b[i + 1] & 0xFFL) << 8);
	}

}

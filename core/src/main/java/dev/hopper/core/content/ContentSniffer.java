package dev.hopper.core.content;

import java.nio.charset.StandardCharsets;

/** Tells a file's {@link ContentKind} from its first {@link #HEAD_LENGTH} bytes. */
public final class ContentSniffer {

	/** How many leading bytes {@link #detect} looks at. */
	public static final int HEAD_LENGTH = 64;

	private ContentSniffer() {
	}

	public static ContentKind detect(byte[] head, int length) {
		if (startsWith(head, length, 0, "RIFF") && startsWith(head, length, 8, "WAVE")) {
			return ContentKind.WAV;
		}
		if (startsWith(head, length, 0, "RIFF") && startsWith(head, length, 8, "WEBP")) {
			return ContentKind.WEBP;
		}
		if (startsWith(head, length, 0, "fLaC")) {
			return ContentKind.FLAC;
		}
		if (startsWith(head, length, 0, "OggS")) {
			return ContentKind.OGG;
		}
		if (startsWith(head, length, 0, "ID3") || isMpegFrameSync(head, length)) {
			return ContentKind.MP3;
		}
		if (startsWith(head, length, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return ContentKind.PNG;
		}
		if (startsWith(head, length, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return ContentKind.JPEG;
		}
		if (startsWith(head, length, 0, new byte[] { 'P', 'K', 0x03, 0x04 })) {
			return ContentKind.ZIP;
		}
		if (startsWith(head, length, 0, new byte[] { 0x1F, (byte) 0x8B })) {
			return ContentKind.GZIP;
		}
		if (startsWith(head, length, 0, "%PDF-")) {
			return ContentKind.PDF;
		}
		if (looksLikeMarkup(head, length)) {
			return ContentKind.MARKUP;
		}
		return ContentKind.UNKNOWN;
	}

	private static boolean isMpegFrameSync(byte[] head, int length) {
		// 11 set sync bits, then a layer field that is not "reserved"
		return length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0;
	}

	private static boolean looksLikeMarkup(byte[] head, int length) {
		int i = 0;
		if (startsWith(head, length, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })) {
			i = 3;
		}
		while (i < length && Character.isWhitespace(head[i])) {
			i++;
		}
		return i < length && head[i] == '<';
	}

	private static boolean startsWith(byte[] head, int length, int offset, String ascii) {
		return startsWith(head, length, offset, ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean startsWith(byte[] head, int length, int offset, byte[] magic) {
		if (length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[offset + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}

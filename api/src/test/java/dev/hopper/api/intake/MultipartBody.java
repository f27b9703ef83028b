package dev.hopper.api.intake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body written by hand, parts in the order given, as a streaming client sends it. */
final class MultipartBody {

	static final String BOUNDARY = "hopper-slice-boundary";

	static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	MultipartBody field(String name, String value) {
		return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
	}

	MultipartBody file(String name, String fileName, byte[] content) {
		return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream", content);
	}

	byte[] bytes() {
		write("--" + BOUNDARY + "--\r\n");
		return this.body.toByteArray();
	}

	private MultipartBody part(String headers, byte[] content) {
		write("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

	/** A 16-bit mono PCM WAV of {@code samples} silent samples: what the sniffer takes for WAV. */
	static byte[] wav(int samples) {
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples);
		wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
		wav.putInt(8_000).putInt(16_000).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
		return wav.array();
	}

	/** The eight bytes every PNG starts with and a header chunk of {@code width} × {@code height}. */
	static byte[] pngHead(int width, int height) {
		ByteBuffer png = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		png.put(new byte[] { 8, 2, 0, 0, 0 }).putInt(0);
		return png.array();
	}

}

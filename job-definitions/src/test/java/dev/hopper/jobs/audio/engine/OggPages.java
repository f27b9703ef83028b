package dev.hopper.jobs.audio.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds single Ogg pages (RFC 3533) with a correct CRC, for hostile-stream tests. */
final class OggPages {

	private OggPages() {
	}

	static byte[] page(byte[] packet, int headerType, long granule) {
		int segments = packet.length / 255 + 1;
		ByteBuffer page = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
		page.put("OggS".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0).put((byte) headerType)
			.putLong(granule).putInt(1234).putInt(0).putInt(0).put((byte) segments);
		for (int i = 0; i < segments - 1; i++) {
			page.put((byte) 255);
		}
		page.put((byte) (packet.length % 255)).put(packet);
		byte[] bytes = page.array();
		int crc = crc(bytes);
		ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
		return bytes;
	}

	private static int crc(byte[] data) {
		int crc = 0;
		for (byte b : data) {
			crc ^= (b & 0xFF) << 24;
			for (int i = 0; i < 8; i++) {
				crc = ((crc & 0x80000000) != 0) ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
			}
		}
		return crc;
	}

}

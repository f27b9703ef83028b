package dev.hopper.jobs.audio.engine;

/** How one sample is stored in a WAV data chunk. */
public enum SampleEncoding {

	PCM_U8(1), PCM_S16(2), PCM_S24(3), PCM_S32(4), FLOAT32(4), FLOAT64(8);

	private final int bytes;

	SampleEncoding(int bytes) {
		this.bytes = bytes;
	}

	public int bytes() {
		return this.bytes;
	}

	/** The sample at {@code offset} of {@code data}, little-endian, scaled to [-1, 1). */
	double decode(byte[] data, int offset) {
		return switch (this) {
			case PCM_U8 -> ((data[offset] & 0xFF) - 128) / 128.0;
			case PCM_S16 -> (short) ((data[offset] & 0xFF) | (data[offset + 1] << 8)) / 32768.0;
			case PCM_S24 -> ((data[offset] & 0xFF) | ((data[offset + 1] & 0xFF) << 8) | (data[offset + 2] << 16))
					/ 8388608.0;
			case PCM_S32 -> int32(data, offset) / 2147483648.0;
			case FLOAT32 -> Float.intBitsToFloat(int32(data, offset));
			case FLOAT64 -> Double.longBitsToDouble(
					(int32(data, offset) & 0xFFFFFFFFL) | ((long) int32(data, offset + 4) << 32));
		};
	}

	private static int int32(byte[] data, int offset) {
		return (data[offset] & 0xFF) | ((data[offset + 1] & 0xFF) << 8) | ((data[offset + 2] & 0xFF) << 16)
				| (data[offset + 3] << 24);
	}

}

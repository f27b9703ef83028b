package dev.hopper.jobs.audio.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes WAV files of signals whose levels are known in closed form, in any encoding the
 * engine reads. An independent writer: it shares no code with the engine's reader.
 */
public final class WavFixtures {

	private WavFixtures() {
	}

	/** A sine of {@code amplitude} (full scale = 1) at {@code hertz}, on every channel. */
	public static byte[] sine(SampleEncoding encoding, int sampleRate, int channels, double seconds, double hertz,
			double amplitude) {
		int frames = (int) Math.round(seconds * sampleRate);
		ByteBuffer data = ByteBuffer.allocate(frames * channels * encoding.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			double value = amplitude * Math.sin(2 * Math.PI * hertz * i / sampleRate);
			for (int c = 0; c < channels; c++) {
				put(data, encoding, value);
			}
		}
		return wav(encoding, sampleRate, channels, data.array());
	}

	/** RMS in dBFS of a sine of {@code amplitude}, as sox reports it. */
	public static double sineRmsDbfs(double amplitude) {
		return 20 * Math.log10(amplitude / Math.sqrt(2));
	}

	public static double peakDbfs(double amplitude) {
		return 20 * Math.log10(amplitude);
	}

	/** A WAV file around {@code data}, with a fmt chunk saying {@code encoding}. */
	public static byte[] wav(SampleEncoding encoding, int sampleRate, int channels, byte[] data) {
		boolean floating = encoding == SampleEncoding.FLOAT32 || encoding == SampleEncoding.FLOAT64;
		int blockAlign = channels * encoding.bytes();
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put(ascii("RIFF")).putInt(36 + data.length).put(ascii("WAVE"));
		header.put(ascii("fmt ")).putInt(16).putShort((short) (floating ? 3 : 1)).putShort((short) channels)
			.putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign)
			.putShort((short) (encoding.bytes() * 8));
		header.put(ascii("data")).putInt(data.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(header.array());
		out.writeBytes(data);
		return out.toByteArray();
	}

	/** Integer encodings use the usual full scale of 2^(bits-1), clamped at the top. */
	private static void put(ByteBuffer data, SampleEncoding encoding, double value) {
		switch (encoding) {
			case PCM_U8 -> data.put((byte) (quantise(value, 128) + 128));
			case PCM_S16 -> data.putShort((short) quantise(value, 32768));
			case PCM_S24 -> {
				int v = (int) quantise(value, 8388608);
				data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
			}
			case PCM_S32 -> data.putInt((int) quantise(value, 2147483648.0));
			case FLOAT32 -> data.putFloat((float) value);
			case FLOAT64 -> data.putDouble(value);
		}
	}

	private static long quantise(double value, double fullScale) {
		return Math.max((long) -fullScale, Math.min((long) fullScale - 1, Math.round(value * fullScale)));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}

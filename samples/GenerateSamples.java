import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the sample files in this folder. Run from the repository root:
 * {@code java samples/GenerateSamples.java}
 */
public class GenerateSamples {

	public static void main(String[] args) throws IOException {
		// 3 s of a 440 Hz sine at amplitude 0.5, 44.1 kHz, 16-bit mono:
		// expected rmsDbfs = 20*log10(0.5/sqrt(2)) = -9.03, peakDbfs = 20*log10(0.5) = -6.02
		int rate = 44_100;
		int frames = 3 * rate;
		ByteBuffer data = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			data.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * i / rate)));
		}
		Files.write(Path.of("samples/sine-440hz-0.5.wav"), wav(rate, 1, data.array()));
	}

	static byte[] wav(int rate, int channels, byte[] pcm16) throws IOException {
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36 + pcm16.length).put("WAVE".getBytes());
		header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
			.putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
		header.put("data".getBytes()).putInt(pcm16.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(header.array());
		out.write(pcm16);
		return out.toByteArray();
	}

}

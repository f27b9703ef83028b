package dev.hopper.jobs.audio.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavHeaderReaderTests {

	@Test
	void readsAPlainPcmHeader() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 2, 0.5, 440, 0.5);

		WavHeader header = read(file, file.length);

		assertThat(header.encoding()).isEqualTo(SampleEncoding.PCM_S16);
		assertThat(header.channels()).isEqualTo(2);
		assertThat(header.sampleRate()).isEqualTo(44_100);
		assertThat(header.dataOffset()).isEqualTo(44);
		assertThat(header.frames()).isEqualTo(22_050);
		assertThat(header.durationSeconds()).isEqualTo(0.5);
	}

	@Test
	void skipsUnknownChunksIncludingOddSizedOnesWithTheirPadByte() {
		byte[] plain = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(plain, 0, 36); // RIFF header and fmt chunk
		file.writeBytes(chunk("LIST", new byte[5]));
		file.write(0); // pad byte of the odd-sized chunk
		file.write(plain, 36, plain.length - 36);

		WavHeader header = read(file.toByteArray(), file.size());

		assertThat(header.dataOffset()).isEqualTo(44 + 8 + 6);
		assertThat(header.frames()).isEqualTo(800);
	}

	@Test
	void readsWaveFormatExtensibleWithAFloatSubFormat() {
		ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		fmt.putShort((short) 0xFFFE).putShort((short) 2).putInt(96_000).putInt(96_000 * 8).putShort((short) 8)
			.putShort((short) 32).putShort((short) 22).putShort((short) 32).putInt(3).putShort((short) 3);
		byte[] file = riff(chunk("fmt ", fmt.array()), chunk("data", new byte[800]));

		WavHeader header = read(file, file.length);

		assertThat(header.encoding()).isEqualTo(SampleEncoding.FLOAT32);
		assertThat(header.frames()).isEqualTo(100);
	}

	@Test
	void aHeaderClaimingMoreDataThanTheFileHoldsIsBoundedByTheFile() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFFFFF0);

		WavHeader header = read(file, file.length);

		assertThat(header.dataLength()).isEqualTo(file.length - 44);
	}

	@Test
	void refusesWhatIsNotWave() {
		byte[] text = "just some text, not audio at all........".getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> read(text, text.length)).isInstanceOf(AudioFailure.class)
			.extracting("code").isEqualTo(AudioFailure.UNSUPPORTED_FORMAT);
	}

	@Test
	void refusesEncodingsItCannotDecode() {
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		ByteBuffer.wrap(twelveBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);
		byte[] mp3InWav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		ByteBuffer.wrap(mp3InWav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 0x55);

		assertThatThrownBy(() -> read(twelveBit, twelveBit.length)).extracting("code")
			.isEqualTo(AudioFailure.UNSUPPORTED_FORMAT);
		assertThatThrownBy(() -> read(mp3InWav, mp3InWav.length)).extracting("code")
			.isEqualTo(AudioFailure.UNSUPPORTED_FORMAT);
	}

	@Test
	void aTruncatedHeaderOrImpossibleLayoutIsCorrupt() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		byte[] truncated = Arrays.copyOf(file, 30);
		byte[] noChannels = file.clone();
		ByteBuffer.wrap(noChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);

		assertThatThrownBy(() -> read(truncated, truncated.length)).extracting("code")
			.isEqualTo(AudioFailure.CORRUPT_AUDIO);
		assertThatThrownBy(() -> read(noChannels, noChannels.length)).extracting("code")
			.isEqualTo(AudioFailure.CORRUPT_AUDIO);
	}

	private static WavHeader read(byte[] file, long size) {
		return WavHeaderReader.read(new ByteArrayInputStream(file), size);
	}

	private static byte[] chunk(String id, byte[] body) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
		return chunk.array();
	}

	private static byte[] riff(byte[]... chunks) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
		for (byte[] chunk : chunks) {
			body.writeBytes(chunk);
		}
		return chunk("RIFF", body.toByteArray());
	}

}

package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.content.ContentSniffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The compressed formats against the signal they were encoded from (make-fixtures.sh: a
 * 2 s stereo 440 Hz sine at -6 dBFS, by sox, flac, lame and oggenc), and their damaged forms.
 */
class DecoderTests {

	private static final double SINE_RMS = WavFixtures.sineRmsDbfs(Math.pow(10, -6 / 20.0));

	@ParameterizedTest
	@ValueSource(strings = { "flac", "mp3", "ogg" })
	void eachFormatDecodesToTheSignalItWasMadeFrom(String extension) throws IOException {
		byte[] file = fixture("sine-440hz-6dbfs." + extension);
		AudioFeatures f = analyze(file);
		assertThat(f.format()).isEqualTo(extension);
		assertThat(f.sampleRate()).isEqualTo(44_100);
		assertThat(f.channels()).isEqualTo(2);
		// lossy encoders add their delay and padding: at most a few frames of 1152
		assertThat(f.durationSec()).isCloseTo(2.0, within(extension.equals("flac") ? 0.0 : 0.1));
		// lossy coding itself moves the level: sox reads this MP3 at -9.39 dBFS RMS, -6.26 dBFS peak
		assertThat(f.loudness().rmsDbfs()).isCloseTo(SINE_RMS, within(extension.equals("flac") ? 0.01 : 0.5));
		assertThat(f.loudness().peakDbfs()).isCloseTo(-6.0, within(extension.equals("flac") ? 0.01 : 0.5));
		assertThat(f.pitchMedianHz()).isCloseTo(440, within(4.0));
	}

	@Test
	void monoMp3AtAnotherRateKeepsItsRateAndChannels() throws IOException {
		AudioFeatures f = analyze(fixture("sine-1khz-mono.mp3"));
		assertThat(f.sampleRate()).isEqualTo(22_050);
		assertThat(f.channels()).isEqualTo(1);
		assertThat(f.pitchMedianHz()).isCloseTo(1000, within(10.0));
	}

	@Test
	void aTruncatedFlacIsCorrupt() throws IOException {
		byte[] file = fixture("sine-440hz-6dbfs.flac");
		assertCorrupt(Arrays.copyOf(file, file.length / 2));
	}

	@Test
	void aFlacWithAFlippedByteFailsItsCrc() throws IOException {
		byte[] file = fixture("sine-440hz-6dbfs.flac");
		file[file.length / 2] ^= 0x5A;
		assertCorrupt(file);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mp3", "ogg" })
	void aTruncatedLossyFileEndsCleanlyWhereItsDataEnds(String extension) throws IOException {
		byte[] file = fixture("sine-440hz-6dbfs." + extension);
		// the Vorbis headers alone take 40% of this small file: cut it 1000 bytes short
		int cut = extension.equals("ogg") ? file.length - 1000 : file.length / 2;
		AudioFeatures f = analyze(Arrays.copyOf(file, cut));
		assertThat(f.durationSec()).isBetween(0.3, 1.9);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fLaC", "OggS", "ID3\u0004" })
	void aMagicNumberFollowedByGarbageIsCorruptNotAHang(String magic) {
		byte[] file = new byte[4096];
		new java.util.Random(42).nextBytes(file);
		byte[] head = magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, file, 0, head.length);
		if (magic.startsWith("ID3")) {
			// a syncsafe ID3 size of 16 bytes, then noise where frames should be
			file[4] = 0;
			file[5] = 0;
			file[6] = 0;
			file[7] = 0;
			file[8] = 0;
			file[9] = 16;
		}
		assertThatExceptionOfType(AudioFailure.class).isThrownBy(() -> analyze(file))
			.satisfies((ex) -> assertThat(ex.code()).isIn(AudioFailure.CORRUPT_AUDIO, AudioFailure.UNSUPPORTED_FORMAT,
					AudioFailure.EMPTY_AUDIO));
	}

	@Test
	void anOggThatIsNotVorbisIsUnsupported() {
		// a valid Ogg page whose first packet is an Opus header
		byte[] packet = "OpusHead\u0001\u0002\u0000\u0000\u0080\u00bb\u0000\u0000\u0000\u0000\u0000"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] file = OggPages.page(packet, 2, 0);
		assertThatExceptionOfType(AudioFailure.class).isThrownBy(() -> analyze(file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(AudioFailure.UNSUPPORTED_FORMAT));
	}

	@Test
	void decodingFromAFrameGivesTheSameSamplesAsDecodingUpToIt() throws IOException {
		byte[] file = fixture("sine-440hz-6dbfs.flac");
		double[] whole = new double[2 * 88_200];
		try (AudioDecoder decoder = AudioDecoders.open(ContentKind.FLAC, file)) {
			decoder.read(whole, 88_200);
		}
		double[] tail = new double[2 * 1000];
		try (AudioDecoder decoder = AudioDecoders.open(ContentKind.FLAC, (offset) -> {
			InputStream in = new java.io.ByteArrayInputStream(file);
			in.skipNBytes(offset);
			return in;
		}, file.length, 50_000)) {
			assertThat(decoder.read(tail, 1000)).isEqualTo(1000);
		}
		assertThat(tail).containsExactly(Arrays.copyOfRange(whole, 100_000, 102_000));
	}

	static AudioFeatures analyze(byte[] file) {
		ContentKind kind = ContentSniffer.detect(file, Math.min(file.length, ContentSniffer.HEAD_LENGTH));
		try (AudioDecoder decoder = AudioDecoders.open(kind, file)) {
			return AnalyzeCommand.analyze(decoder);
		}
	}

	private static void assertCorrupt(byte[] file) {
		assertThatExceptionOfType(AudioFailure.class).isThrownBy(() -> analyze(file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(AudioFailure.CORRUPT_AUDIO));
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = DecoderTests.class.getResourceAsStream("/audio/" + name)) {
			return in.readAllBytes();
		}
	}

}

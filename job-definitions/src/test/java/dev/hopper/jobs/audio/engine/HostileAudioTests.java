package dev.hopper.jobs.audio.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/** The hostile and extreme files of the issue, each ending cleanly: a result or a reason. */
class HostileAudioTests {

	@Test
	void aHeaderClaimingGigabytesIsBoundedByTheRealData() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 1, 1.0, 440, 0.5);
		ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0).putInt(40, 0x7FFFFFF0);
		AudioFeatures f = DecoderTests.analyze(file);
		assertThat(f.durationSec()).isCloseTo(1.0, within(0.001));
	}

	@Test
	void zeroLengthDataIsEmptyAudio() {
		byte[] file = WavFixtures.wav(SampleEncoding.PCM_S16, 44_100, 2, new byte[0]);
		assertThatExceptionOfType(AudioFailure.class).isThrownBy(() -> DecoderTests.analyze(file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(AudioFailure.EMPTY_AUDIO));
	}

	@Test
	void aOneSampleFileHasLevelsButNoGatedLoudnessTempoOrKey() {
		byte[] file = WavFixtures.wav(SampleEncoding.PCM_S16, 44_100, 1, new byte[] { 0x00, 0x40 });
		AudioFeatures f = DecoderTests.analyze(file);
		assertThat(f.durationSec()).isEqualTo(1.0 / 44_100);
		assertThat(f.loudness().peakDbfs()).isCloseTo(-6.02, within(0.01));
		assertThat(f.loudness().integratedLufs()).isNull();
		assertThat(f.rhythm().bpm()).isNull();
		assertThat(f.tonal().key()).isNull();
	}

	@Test
	void aDcOffsetHasLevelsButAlmostNoLoudnessAndNoPitch() {
		double[] dc = new double[44_100 * 5];
		java.util.Arrays.fill(dc, 0.25);
		AudioFeatures f = Signals.analyze(44_100, 1, dc);
		assertThat(f.loudness().rmsDbfs()).isCloseTo(20 * Math.log10(0.25), within(0.01));
		// K-weighting's high-pass removes DC: only the step at the start is heard, far below the RMS
		assertThat(f.loudness().integratedLufs()).isLessThan(f.loudness().rmsDbfs() - 20);
		assertThat(f.pitchMedianHz()).isNull();
		assertThat(f.spectral().zeroCrossingRate().mean()).isZero();
	}

	@Test
	void aClippedSquareWaveReadsFullScale() {
		double[] square = new double[44_100 * 3];
		for (int i = 0; i < square.length; i++) {
			square[i] = Math.signum(Math.sin(2 * Math.PI * 100 * i / 44_100.0) + 1e-12) * 1.5;
			square[i] = Math.max(-1, Math.min(1, square[i]));
		}
		AudioFeatures f = Signals.analyze(44_100, 1, square);
		assertThat(f.loudness().rmsDbfs()).isCloseTo(0.0, within(0.01));
		assertThat(f.loudness().peakDbfs()).isCloseTo(0.0, within(0.001));
		// band-limited reconstruction of a hard edge overshoots (Gibbs): true peak above 0 dBTP
		assertThat(f.loudness().truePeakDbtp()).isGreaterThan(0.0);
		assertThat(f.pitchMedianHz()).isCloseTo(100, within(2.0));
	}

	@Test
	void eightChannelsAreAllMeasured() {
		double[] signal = Signals.sine(48_000, 8, 3, 1000, 0.1, 0);
		AudioFeatures f = Signals.analyze(48_000, 8, signal);
		assertThat(f.channels()).isEqualTo(8);
		// 7.1: L R C weigh 1, LFE 0, four surrounds 1.41 -> 3 + 5.64 = 8.64 channel-equivalents
		assertThat(f.loudness().integratedLufs()).isCloseTo(20 * Math.log10(0.1) - 3.01 + 10 * Math.log10(8.64),
				within(0.15));
	}

	@Test
	void at192KilohertzFramesScaleWithTheRate() {
		double[] signal = Signals.sine(192_000, 2, 3, 1000, Math.pow(10, -23 / 20.0), 0);
		AudioFeatures f = Signals.analyze(192_000, 2, signal);
		assertThat(f.loudness().integratedLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(f.pitchMedianHz()).isCloseTo(1000, within(10.0));
		assertThat(f.spectral().centroidHz().mean()).isCloseTo(1000, within(30.0));
	}

	@Test
	void anUnsupportedEncodingIsRefusedWithAReason() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 1, 0.1, 440, 0.5);
		ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 2);
		assertThatExceptionOfType(AudioFailure.class).isThrownBy(() -> DecoderTests.analyze(file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(AudioFailure.UNSUPPORTED_FORMAT));
	}

}

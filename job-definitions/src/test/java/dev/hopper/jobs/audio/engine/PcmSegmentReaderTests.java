package dev.hopper.jobs.audio.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PcmSegmentReaderTests {

	private static final double AMPLITUDE = 0.5;

	@ParameterizedTest
	@EnumSource(SampleEncoding.class)
	void sineLevelsMatchTheirClosedFormInEveryEncoding(SampleEncoding encoding) {
		byte[] file = WavFixtures.sine(encoding, 48_000, 2, 2.0, 997, AMPLITUDE);

		SignalLevels levels = measure(file, 4096);

		assertThat(levels.samples()).isEqualTo(2 * 96_000);
		assertThat(levels.rmsDbfs()).isCloseTo(WavFixtures.sineRmsDbfs(AMPLITUDE), within(0.05));
		assertThat(levels.peakDbfs()).isCloseTo(WavFixtures.peakDbfs(AMPLITUDE), within(0.05));
	}

	@Test
	void levelsDoNotDependOnHowTheFileIsCutIntoSegments() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 1, 1.3, 440, 0.3);

		SignalLevels whole = measure(file, 1 << 20);
		SignalLevels small = measure(file, 1000);

		assertThat(small.samples()).isEqualTo(whole.samples());
		assertThat(small.sumOfSquares()).isCloseTo(whole.sumOfSquares(), within(1e-9));
		assertThat(small.peak()).isEqualTo(whole.peak());
	}

	@Test
	void readingFromASegmentOffsetResumesWithTheSameSamples() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S24, 22_050, 2, 1.0, 300, 0.8);
		WavHeader header = header(file);
		List<AudioSegment> all = segments(file, header, 1000, 0);

		long offset = PcmSegmentReader.offsetOf(header, 1000, 7);
		List<AudioSegment> resumed = segments(slice(file, offset), header, 1000, 7);

		assertThat(resumed).hasSize(all.size() - 7);
		assertThat(resumed.get(0).index()).isEqualTo(7);
		assertThat(resumed.get(0).samples()).containsExactly(all.get(7).samples());
		assertThat(resumed.get(0).count()).isEqualTo(all.size());
	}

	@Test
	void aShortLastSegmentHoldsTheRemainingFrames() {
		byte[] file = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 1.0, 100, 0.5);

		List<AudioSegment> segments = segments(file, header(file), 3000, 0);

		assertThat(segments).extracting(AudioSegment::frames).containsExactly(3000, 3000, 2000);
	}

	@Test
	void silenceReportsTheSilenceFloor() {
		byte[] file = WavFixtures.wav(SampleEncoding.PCM_S16, 44_100, 1, new byte[2 * 4410]);

		SignalLevels levels = measure(file, 4096);

		assertThat(levels.rmsDbfs()).isEqualTo(SignalLevels.SILENCE_DBFS);
		assertThat(levels.peakDbfs()).isEqualTo(SignalLevels.SILENCE_DBFS);
	}

	private static SignalLevels measure(byte[] file, int segmentFrames) {
		SignalLevels levels = SignalLevels.NONE;
		for (AudioSegment segment : segments(file, header(file), segmentFrames, 0)) {
			levels = levels.plus(SignalLevels.of(segment));
		}
		return levels;
	}

	static WavHeader header(byte[] file) {
		return WavHeaderReader.read(new ByteArrayInputStream(file), file.length);
	}

	private static List<AudioSegment> segments(byte[] data, WavHeader header, int segmentFrames, long first) {
		ByteArrayInputStream in = new ByteArrayInputStream(data);
		if (first == 0) {
			in.skip(header.dataOffset());
		}
		PcmSegmentReader reader = new PcmSegmentReader(in, header, segmentFrames, first);
		List<AudioSegment> segments = new ArrayList<>();
		for (AudioSegment s = reader.next(); s != null; s = reader.next()) {
			segments.add(s);
		}
		return segments;
	}

	private static byte[] slice(byte[] file, long from) {
		byte[] rest = new byte[file.length - (int) from];
		System.arraycopy(file, (int) from, rest, 0, rest.length);
		return rest;
	}

}

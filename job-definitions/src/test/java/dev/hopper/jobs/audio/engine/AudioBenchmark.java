package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.hopper.core.content.ContentKind;

/**
 * Benchmark runner (not a test): the full feature set on each file, streamed from disk in
 * 64 Ki-frame segments as the job reads them, on one thread. Prints audio seconds, wall
 * seconds, x real time, and the live heap (after a full GC every 64 segments, peak).
 * Then, for the first file, the cost of each part of the analysis per second of audio
 * (its first minute, decoded into memory once), best of 10.
 * Usage: AudioBenchmark [--repeat N] FILE...
 */
public final class AudioBenchmark {

	private AudioBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int repeat = 3;
		int first = 0;
		if (args.length > 1 && args[0].equals("--repeat")) {
			repeat = Integer.parseInt(args[1]);
			first = 2;
		}
		System.out.println("file\taudio_s\tbest_wall_s\tx_realtime\tdecode_only_x\tpeak_live_heap_mb");
		for (int i = first; i < args.length; i++) {
			Path file = Path.of(args[i]);
			double best = Double.MAX_VALUE;
			double audio = 0;
			double decodeBest = Double.MAX_VALUE;
			for (int r = 0; r < repeat; r++) {
				long t0 = System.nanoTime();
				audio = pass(file, true, false);
				best = Math.min(best, (System.nanoTime() - t0) / 1e9);
				t0 = System.nanoTime();
				pass(file, false, false);
				decodeBest = Math.min(decodeBest, (System.nanoTime() - t0) / 1e9);
			}
			resetPeaks();
			pass(file, true, true);
			System.out.printf("%s\t%.1f\t%.3f\t%.0f\t%.0f\t%.1f%n", file.getFileName(), audio, best, audio / best,
					audio / decodeBest, peakLiveHeap / 1e6);
		}
		if (args.length > first) {
			parts(Path.of(args[first]));
		}
	}

	/** Milliseconds of one core per second of audio for each part, on the file's first minute. */
	private static void parts(Path file) throws IOException {
		StreamInfo info;
		double[][] segments;
		try (AudioDecoder decoder = AudioDecoders.open(ContentKind.WAV, AudioDecoders.Source.of(file),
				Files.size(file), 0)) {
			info = decoder.info();
			int frames = (int) Math.min(info.frames(), 60L * info.sampleRate());
			segments = new double[(frames + 65_535) / 65_536][];
			for (int i = 0; i < segments.length; i++) {
				int count = Math.min(65_536, frames - i * 65_536);
				segments[i] = new double[count * info.channels()];
				decoder.read(segments[i], count);
			}
		}
		int channels = info.channels();
		double seconds = 0;
		for (double[] segment : segments) {
			seconds += (double) segment.length / channels / info.sampleRate();
		}
		double[] best = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
		for (int r = 0; r < 10; r++) {
			long t0 = System.nanoTime();
			SignalLevels levels = SignalLevels.NONE;
			for (double[] segment : segments) {
				levels = levels.with(segment, segment.length);
			}
			long t1 = System.nanoTime();
			LoudnessMeter loudness = new LoudnessMeter(info.sampleRate(), channels);
			for (double[] segment : segments) {
				loudness.accept(segment, segment.length / channels);
			}
			long t2 = System.nanoTime();
			TruePeakMeter truePeak = new TruePeakMeter(info.sampleRate(), channels);
			for (double[] segment : segments) {
				truePeak.accept(segment, segment.length / channels);
			}
			truePeak.truePeak();
			long t3 = System.nanoTime();
			FrameAnalyzer frames = new FrameAnalyzer(info.sampleRate());
			for (double[] segment : segments) {
				double[] mono = new double[segment.length / channels];
				for (int i = 0; i < mono.length; i++) {
					double sum = 0;
					for (int c = 0; c < channels; c++) {
						sum += segment[i * channels + c];
					}
					mono[i] = sum / channels;
				}
				frames.accept(mono, mono.length);
			}
			frames.finish();
			long t4 = System.nanoTime();
			long[] marks = { t0, t1, t2, t3, t4 };
			for (int p = 0; p < 4; p++) {
				best[p] = Math.min(best[p], (marks[p + 1] - marks[p]) / 1e6 / seconds);
			}
		}
		System.out.println("part (first minute of " + file.getFileName() + ")\tms_per_audio_second");
		String[] names = { "rms_and_peak", "loudness_k_weighting", "true_peak", "frame_analysis_incl_mono_mix" };
		for (int p = 0; p < 4; p++) {
			System.out.printf("%s\t%.3f%n", names[p], best[p]);
		}
	}

	private static long peakLiveHeap;

	private static double pass(Path file, boolean analyse, boolean measureHeap) throws IOException {
		try (AudioDecoder decoder = AudioDecoders.open(ContentKind.WAV, AudioDecoders.Source.of(file),
				Files.size(file), 0)) {
			SegmentReader segments = new SegmentReader(decoder, 65_536, 0, Files.size(file), () -> 0);
			FeatureAnalyzer analyzer = new FeatureAnalyzer(decoder.info());
			AudioSegment segment;
			long frames = 0;
			while ((segment = segments.next()) != null) {
				if (analyse) {
					analyzer.accept(segment);
				}
				frames += segment.frames();
				if (measureHeap && segment.index() % 64 == 0) {
					System.gc();
					peakLiveHeap = Math.max(peakLiveHeap, usedHeap());
				}
			}
			if (analyse) {
				analyzer.finish();
			}
			return (double) frames / decoder.info().sampleRate();
		}
	}

	private static void resetPeaks() {
		peakLiveHeap = 0;
	}

	private static long usedHeap() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				used += pool.getUsage().getUsed();
			}
		}
		return used;
	}

}

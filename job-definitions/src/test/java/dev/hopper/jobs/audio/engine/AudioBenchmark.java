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

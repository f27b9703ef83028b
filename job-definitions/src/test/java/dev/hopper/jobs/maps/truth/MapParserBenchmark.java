package dev.hopper.jobs.maps.truth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;

import javax.imageio.ImageIO;

import dev.hopper.jobs.maps.cv.CvMapParser;

/**
 * Times the CV parser per plan at about 1, 2 and 8 megapixels (two-level CAD plans drawn at
 * the scale that gives that size), with decoding the same PNG as the baseline measured in
 * the same run, and the heap's peak while parsing; then the same for a plan the parser is
 * unsure of at first, which it reads again every other way. Run by tools/benchmarks/map-parse.
 */
public final class MapParserBenchmark {

	private MapParserBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		CvMapParser parser = new CvMapParser();
		PlanSpec spec = new PlanSpec(PlanSpec.Style.CAD, 17, 60, 2, false, 7);
		BufferedImage probe = new FloorPlanGenerator(12).generate(spec).image();
		// warm up the JIT on the smallest size
		byte[] warm = MapFixtures.png(probe);
		for (int i = 0; i < 3; i++) {
			parser.parse(ImageIO.read(new ByteArrayInputStream(warm)));
		}
		System.out.println("A plan read surely the first time (two-level CAD):\n");
		table(parser, runs, spec, false);
		// dashed and doubled stall lines: unsure at first, so read again every other way
		System.out.println("\nA plan whose first reading is unsure (dashed, doubled stall lines), read every way:\n");
		table(parser, runs, new PlanSpec(PlanSpec.Style.CAD, 135, 90, 2, false, 19), true);
	}

	private static void table(CvMapParser parser, int runs, PlanSpec spec, boolean varied) throws Exception {
		BufferedImage probe = new FloorPlanGenerator(12, varied).generate(spec).image();
		double probePixels = (double) probe.getWidth() * probe.getHeight();
		System.out.println("| megapixels | size | decode p50 (baseline) | parse p50 | parse p95 | parse ÷ decode | peak heap while parsing | unsure |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (double megapixels : new double[] { 1, 2, 8 }) {
			double scale = 12 * Math.sqrt(megapixels * 1e6 / probePixels);
			byte[] png = MapFixtures.png(new FloorPlanGenerator(scale, varied).generate(spec).image());
			double[] decode = new double[runs];
			double[] parse = new double[runs];
			long peak = 0;
			BufferedImage image = null;
			boolean unsure = false;
			for (int r = 0; r < runs; r++) {
				long t0 = System.nanoTime();
				image = ImageIO.read(new ByteArrayInputStream(png));
				long t1 = System.nanoTime();
				System.gc();
				resetPeaks();
				long t2 = System.nanoTime();
				unsure = parser.parse(image).confidence().unsure();
				long t3 = System.nanoTime();
				peak = Math.max(peak, heapPeak());
				decode[r] = (t1 - t0) / 1e6;
				parse[r] = (t3 - t2) / 1e6;
			}
			Arrays.sort(decode);
			Arrays.sort(parse);
			double decodeP50 = decode[runs / 2];
			double parseP50 = parse[runs / 2];
			System.out.printf("| %.1f | %d × %d | %.0f ms | %.0f ms | %.0f ms | %.1f× | %.0f MB | %s |%n",
					image.getWidth() * (double) image.getHeight() / 1e6, image.getWidth(), image.getHeight(), decodeP50,
					parseP50, parse[(int) Math.ceil(runs * 0.95) - 1], parseP50 / decodeP50, peak / 1e6,
					unsure ? "yes" : "no");
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long heapPeak() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

}

package dev.hopper.jobs.maps.cv;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.struct.ConfigLength;
import boofcv.struct.image.GrayU8;

/**
 * Which pixels are ink (1) and which are floor (0). A local-mean threshold, so uneven light
 * on a photographed printout and tinted floors or slot fills do not turn into ink; only
 * what is clearly darker than its surroundings does. A photographed sheet may lie on a
 * darker table; what is off the sheet is not ink either.
 */
final class InkMask {

	/** Darker than this is never floor or paper. */
	private static final int DARK = 170;

	private InkMask() {
	}

	static GrayU8 of(Raster raster) {
		int window = (int) Math.max(31, raster.diagonal() / 12) | 1;
		GrayU8 ink = new GrayU8(raster.width(), raster.height());
		GThresholdImageOps.localMean(raster.gray(), ink, ConfigLength.fixed(window), 0.82, true, null, null, null);
		// ink must also be dark in absolute terms: tinted fills and shadows are not lines
		for (int i = 0; i < ink.data.length; i++) {
			if ((raster.gray().data[i] & 0xFF) > DARK) {
				ink.data[i] = 0;
			}
		}
		clearTable(raster, ink);
		return BinaryImageOps.removePointNoise(ink, null);
	}

	/**
	 * The table is found in blocks twice a wall's width or more: blocks almost wholly dark
	 * and joined to the image's border through such blocks. A line crossing a block leaves
	 * most of it paper, so only the table (or a filled area reaching the border) qualifies.
	 * One block more is cleared around it, for the sheet's blurred edge and the band the
	 * local threshold draws along it.
	 */
	private static void clearTable(Raster raster, GrayU8 ink) {
		int block = Math.max(4, (int) (raster.diagonal() / 160));
		int columns = (raster.width() + block - 1) / block;
		int rows = (raster.height() + block - 1) / block;
		int[] dark = new int[columns * rows];
		int[] all = new int[columns * rows];
		for (int y = 0; y < raster.height(); y++) {
			for (int x = 0; x < raster.width(); x++) {
				int b = (y / block) * columns + x / block;
				all[b]++;
				dark[b] += ((raster.gray().data[y * raster.width() + x] & 0xFF) <= DARK) ? 1 : 0;
			}
		}
		boolean[] table = new boolean[columns * rows];
		java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
		for (int b = 0; b < table.length; b++) {
			int c = b % columns;
			int r = b / columns;
			if ((c == 0 || r == 0 || c == columns - 1 || r == rows - 1) && dark[b] >= 0.9 * all[b]) {
				table[b] = true;
				queue.add(b);
			}
		}
		while (!queue.isEmpty()) {
			int b = queue.poll();
			int c = b % columns;
			int r = b / columns;
			for (int[] step : new int[][] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }) {
				int nc = c + step[0];
				int nr = r + step[1];
				int n = nr * columns + nc;
				if (nc >= 0 && nr >= 0 && nc < columns && nr < rows && !table[n] && dark[n] >= 0.9 * all[n]) {
					table[n] = true;
					queue.add(n);
				}
			}
		}
		boolean[] cleared = new boolean[table.length];
		for (int b = 0; b < table.length; b++) {
			for (int dr = -1; dr <= 1 && table[b]; dr++) {
				for (int dc = -1; dc <= 1; dc++) {
					int nc = b % columns + dc;
					int nr = b / columns + dr;
					if (nc >= 0 && nr >= 0 && nc < columns && nr < rows) {
						cleared[nr * columns + nc] = true;
					}
				}
			}
		}
		for (int y = 0; y < raster.height(); y++) {
			for (int x = 0; x < raster.width(); x++) {
				if (cleared[(y / block) * columns + x / block]) {
					ink.data[y * raster.width() + x] = 0;
				}
			}
		}
	}

}

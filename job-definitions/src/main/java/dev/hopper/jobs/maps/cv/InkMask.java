package dev.hopper.jobs.maps.cv;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.struct.ConfigLength;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;

/**
 * Which pixels are ink (1) and which are floor (0). A local-mean threshold, so uneven light
 * on a photographed printout and tinted floors or slot fills do not turn into ink; only
 * what is clearly darker than its surroundings does. Ink must also lie beside some pixel
 * nearer the plan's ink than its paper: a stroke's soft edge does, but a survey grid or
 * dimension lines drawn pale have no dark core, and are not stalls. A
 * photographed sheet may lie on a darker table; what is off the sheet is not ink either.
 */
final class InkMask {

	/**
	 * Darker than this is never floor or paper, nor darker than 9/10 of the paper's shade: a
	 * mid-grey floor (concrete under yellow paint, read inverted) is paper, not a table.
	 */
	private static final int DARK = 170;

	private InkMask() {
	}

	static GrayU8 of(Raster raster) {
		int window = (int) Math.max(31, raster.diagonal() / 12) | 1;
		GrayU8 ink = new GrayU8(raster.width(), raster.height());
		GThresholdImageOps.localMean(raster.gray(), ink, ConfigLength.fixed(window), 0.82, true, null, null, null);
		int[] levels = levels(raster);
		int dark = Math.min(DARK, 9 * levels[1] / 10);
		// ink must also be dark in absolute terms: tinted fills and shadows are not lines
		for (int i = 0; i < ink.data.length; i++) {
			if ((raster.gray().data[i] & 0xFF) > dark) {
				ink.data[i] = 0;
			}
		}
		// and be a dark core or beside one (halfway from the paper to the ink, or darker): pale lines are not ink
		int core = Math.min(dark, (levels[0] + levels[1]) / 2);
		GrayU8 cores = new GrayU8(raster.width(), raster.height());
		for (int i = 0; i < cores.data.length; i++) {
			cores.data[i] = (byte) (((raster.gray().data[i] & 0xFF) <= core) ? 1 : 0);
		}
		GrayU8 near = BinaryImageOps.dilate8(cores, 1, null);
		for (int i = 0; i < ink.data.length; i++) {
			if (near.data[i] == 0) {
				ink.data[i] = 0;
			}
		}
		clearTable(raster, ink, dark);
		return BinaryImageOps.removePointNoise(ink, null);
	}

	/** The plan's ink (its darkest 2 %) and its paper (the median). */
	private static int[] levels(Raster raster) {
		int[] histogram = Shades.histogram(raster.gray());
		int pixels = raster.gray().data.length;
		int ink = Shades.percentile(histogram, pixels, 0.02);
		int paper = Shades.percentile(histogram, pixels, 0.5);
		return new int[] { ink, paper };
	}

	/**
	 * The table is found in blocks twice a wall's width or more: blocks almost wholly dark,
	 * joined to the image's border through such blocks, and together at least 1 % of the
	 * image. A line crossing a block leaves most of it paper, and an arrow at the border is
	 * far smaller, so only the table qualifies. One block more is cleared around it, for
	 * the sheet's blurred edge and the band the local threshold draws along it.
	 */
	private static void clearTable(Raster raster, GrayU8 ink, int dark) {
		int block = Math.max(4, (int) (raster.diagonal() / 160));
		GrayU8 blocks = new GrayU8((raster.width() + block - 1) / block, (raster.height() + block - 1) / block);
		int[] darkPixels = new int[blocks.data.length];
		int[] pixels = new int[blocks.data.length];
		for (int y = 0; y < raster.height(); y++) {
			for (int x = 0; x < raster.width(); x++) {
				int b = (y / block) * blocks.width + x / block;
				pixels[b]++;
				darkPixels[b] += ((raster.gray().data[y * raster.width() + x] & 0xFF) <= dark) ? 1 : 0;
			}
		}
		for (int b = 0; b < blocks.data.length; b++) {
			blocks.data[b] = (byte) ((darkPixels[b] >= 0.9 * pixels[b]) ? 1 : 0);
		}
		GrayS32 parts = new GrayS32(blocks.width, blocks.height);
		int count = BinaryImageOps.contour(blocks, ConnectRule.FOUR, parts).size();
		int[] size = new int[count + 1];
		boolean[] atBorder = new boolean[count + 1];
		for (int r = 0; r < blocks.height; r++) {
			for (int c = 0; c < blocks.width; c++) {
				int part = parts.get(c, r);
				size[part]++;
				atBorder[part] |= c == 0 || r == 0 || c == blocks.width - 1 || r == blocks.height - 1;
			}
		}
		GrayU8 table = new GrayU8(blocks.width, blocks.height);
		for (int b = 0; b < table.data.length; b++) {
			int part = parts.data[b];
			table.data[b] = (byte) ((part > 0 && atBorder[part] && size[part] >= 0.01 * table.data.length) ? 1 : 0);
		}
		GrayU8 cleared = BinaryImageOps.dilate8(table, 1, null);
		for (int y = 0; y < raster.height(); y++) {
			for (int x = 0; x < raster.width(); x++) {
				if (cleared.data[(y / block) * blocks.width + x / block] != 0) {
					ink.data[y * raster.width() + x] = 0;
				}
			}
		}
	}

}

package dev.hopper.jobs.maps.cv;

import boofcv.struct.image.GrayU8;

/**
 * Stalls drawn as tiles: each a filled shape a shade off the floor, set apart from the next
 * by a strip of floor, with no lines at all (as parking apps draw them). Read the usual way,
 * the tiles are neither ink nor floor. Here the floor itself is the ink: every pixel nearer
 * the floor's shade than the tiles' is a line, so the strips between tiles close each tile
 * as lines close a stall. Walls and arrows are drawn too, and a row of tiles against a wall
 * would be one region with it: what is drawn is opened (eroded, then dilated) by a wall's
 * width, which strokes do not outlive and tiles do.
 */
final class TiledStalls {

	/** How far from the floor's shade a pixel must be to count as drawn on it. */
	private static final int DRAWN = 20;

	private TiledStalls() {
	}

	/** The tiles: what is drawn on the floor and wider than a stroke. */
	static GrayU8 drawn(Raster raster) {
		int[] histogram = Shades.histogram(raster.gray());
		int floor = Shades.percentile(histogram, raster.gray().data.length, 0.5);
		// the shade of what is drawn: the median of the pixels well off the floor, on its darker side
		int drawnPixels = 0;
		for (int value = 0; value < floor - DRAWN; value++) {
			drawnPixels += histogram[value];
		}
		GrayU8 tiles = new GrayU8(raster.width(), raster.height());
		if (drawnPixels == 0) {
			return tiles;
		}
		int drawn = Shades.percentile(histogram, drawnPixels, 0.5);
		int threshold = (floor + drawn) / 2;
		for (int i = 0; i < tiles.data.length; i++) {
			tiles.data[i] = (byte) (((raster.gray().data[i] & 0xFF) <= threshold) ? 1 : 0);
		}
		int stroke = (int) Math.max(2, Math.round(raster.diagonal() / 400));
		return InkMender.dilate(InkMender.erode(tiles, stroke), stroke);
	}

}

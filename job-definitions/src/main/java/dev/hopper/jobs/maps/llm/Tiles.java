package dev.hopper.jobs.maps.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * How a plan is shown to the model: whole and downscaled to {@code maxSide} when that
 * shrinks it at most twofold, else cut into overlapping tiles that each do. Every
 * detection belongs to the one tile whose core (the tile less half of each overlap with a
 * neighbour) holds its centre, so a stall cut by one tile's edge is taken whole from the next.
 */
record Tiles(List<Tile> tiles) {

	/** A window of the plan, its scale when shown, and the core that owns its detections. */
	record Tile(int x, int y, int width, int height, double scale, double coreX0, double coreY0, double coreX1,
			double coreY1) {

		boolean owns(double px, double py) {
			return px >= this.coreX0 && px < this.coreX1 && py >= this.coreY0 && py < this.coreY1;
		}

	}

	static Tiles of(int width, int height, int maxSide) {
		if (Math.max(width, height) <= 2 * maxSide) {
			double scale = Math.min(1, (double) maxSide / Math.max(width, height));
			return new Tiles(List.of(new Tile(0, 0, width, height, scale, Double.NEGATIVE_INFINITY,
					Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)));
		}
		int side = 2 * maxSide;
		int overlap = side / 6;
		int[] xs = starts(width, side, overlap);
		int[] ys = starts(height, side, overlap);
		List<Tile> tiles = new ArrayList<>();
		for (int j = 0; j < ys.length; j++) {
			for (int i = 0; i < xs.length; i++) {
				int w = Math.min(side, width - xs[i]);
				int h = Math.min(side, height - ys[j]);
				tiles.add(new Tile(xs[i], ys[j], w, h, (double) maxSide / Math.max(w, h), boundary(xs, i, side, false),
						boundary(ys, j, side, false), boundary(xs, i, side, true), boundary(ys, j, side, true)));
			}
		}
		return new Tiles(tiles);
	}

	private static int[] starts(int length, int side, int overlap) {
		if (length <= side) {
			return new int[] { 0 };
		}
		int count = (int) Math.ceil((double) (length - overlap) / (side - overlap));
		int[] starts = new int[count];
		for (int i = 0; i < count; i++) {
			starts[i] = (int) Math.round((double) i * (length - side) / (count - 1));
		}
		return starts;
	}

	/** Midway through the overlap with the neighbouring tile; unbounded at the plan's edges. */
	private static double boundary(int[] starts, int i, int side, boolean upper) {
		if (upper) {
			return (i == starts.length - 1) ? Double.POSITIVE_INFINITY : (starts[i + 1] + starts[i] + side) / 2.0;
		}
		return (i == 0) ? Double.NEGATIVE_INFINITY : (starts[i - 1] + side + starts[i]) / 2.0;
	}

}

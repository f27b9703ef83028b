package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.List;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;

/**
 * Closes the open fronts of stall rows. Plans draw a stall as the lines between it and its
 * neighbours, with the front open to the aisle. Each such line ends in a free tip; joining
 * every tip to the nearest parallel tip of a line of like length on either side draws the
 * front edge, and each stall becomes a closed region.
 */
final class ToothCloser {

	private static final int[] DX = { 1, 1, 0, -1, -1, -1, 0, 1 };

	private static final int[] DY = { 0, 1, 1, 1, 0, -1, -1, -1 };

	private ToothCloser() {
	}

	/** The ink with the fronts drawn in; {@code ink} is not changed. */
	static GrayU8 close(GrayU8 ink, double reach) {
		GrayU8 skeleton = BinaryImageOps.thin(ink.clone(), 50, null);
		List<Tip> ends = tips(skeleton, (int) Math.ceil(reach));
		double spacing = typicalSpacing(ends);
		// a stall line is at least twice a stall's width long and stands on more line; the
		// strokes of labels, spaced like stalls, are shorter than a stall is wide
		List<Tip> tips = ends.stream().filter((tip) -> tip.run() >= 2 * spacing).toList();
		GrayU8 closed = ink.clone();
		for (Tip tip : tips) {
			Tip left = null;
			Tip right = null;
			for (Tip other : tips) {
				if (other == tip || !tip.beside(other) || tip.distanceTo(other) > 1.6 * spacing) {
					continue;
				}
				double distance = tip.distanceTo(other);
				if (tip.side(other) > 0) {
					left = (left == null || distance < tip.distanceTo(left)) ? other : left;
				}
				else {
					right = (right == null || distance < tip.distanceTo(right)) ? other : right;
				}
			}
			for (Tip partner : new Tip[] { left, right }) {
				if (partner != null) {
					line(closed, tip.x, tip.y, partner.x, partner.y);
				}
			}
		}
		return closed;
	}

	/** Stalls in a plan share one width: the median distance from a tip to its nearest neighbour. */
	private static double typicalSpacing(List<Tip> tips) {
		double[] nearest = tips.stream().mapToDouble((tip) -> tips.stream()
			.filter((other) -> other != tip && tip.beside(other))
			.mapToDouble(tip::distanceTo)
			.min()
			.orElse(Double.NaN)).filter((d) -> !Double.isNaN(d)).sorted().toArray();
		return (nearest.length == 0) ? 0 : nearest[nearest.length / 2];
	}

	/**
	 * Free line ends that lead into at least {@code reach} pixels of line: stall lines do,
	 * the strokes of labels mostly do not. The direction is from the line behind the tip.
	 */
	private static List<Tip> tips(GrayU8 skeleton, int reach) {
		List<Tip> tips = new ArrayList<>();
		int cap = 8 * reach;
		for (int y = 1; y < skeleton.height - 1; y++) {
			for (int x = 1; x < skeleton.width - 1; x++) {
				if (skeleton.unsafe_get(x, y) != 0 && neighbours(skeleton, x, y) == 1) {
					Tip tip = follow(skeleton, x, y, reach, cap);
					if (tip != null) {
						tips.add(tip);
					}
				}
			}
		}
		return tips;
	}

	private static Tip follow(GrayU8 skeleton, int x0, int y0, int reach, int cap) {
		java.util.Map<Integer, Integer> depth = new java.util.HashMap<>();
		java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
		queue.add(new int[] { x0, y0 });
		depth.put(y0 * skeleton.width + x0, 0);
		double sx = 0;
		double sy = 0;
		int far = 0;
		int deepest = 0;
		while (!queue.isEmpty()) {
			int[] at = queue.poll();
			int d = depth.get(at[1] * skeleton.width + at[0]);
			deepest = Math.max(deepest, d);
			if (d >= reach / 2 && d <= reach) {
				sx += at[0];
				sy += at[1];
				far++;
			}
			if (d == cap) {
				continue;
			}
			for (int k = 0; k < 8; k++) {
				int cx = at[0] + DX[k];
				int cy = at[1] + DY[k];
				if (cx >= 0 && cy >= 0 && cx < skeleton.width && cy < skeleton.height && skeleton.unsafe_get(cx, cy) != 0
						&& depth.putIfAbsent(cy * skeleton.width + cx, d + 1) == null) {
					queue.add(new int[] { cx, cy });
				}
			}
		}
		if (deepest < reach || far == 0) {
			return null;
		}
		double dx = x0 - sx / far;
		double dy = y0 - sy / far;
		double norm = Math.hypot(dx, dy);
		return (norm == 0) ? null : new Tip(x0, y0, dx / norm, dy / norm, deepest);
	}

	private static int neighbours(GrayU8 image, int x, int y) {
		int count = 0;
		for (int k = 0; k < 8; k++) {
			count += (image.unsafe_get(x + DX[k], y + DY[k]) != 0) ? 1 : 0;
		}
		return count;
	}

	static void line(GrayU8 image, int x0, int y0, int x1, int y1) {
		int dx = Math.abs(x1 - x0);
		int dy = -Math.abs(y1 - y0);
		int sx = (x0 < x1) ? 1 : -1;
		int sy = (y0 < y1) ? 1 : -1;
		int error = dx + dy;
		int x = x0;
		int y = y0;
		while (true) {
			image.set(x, y, 1);
			if (x == x1 && y == y1) {
				return;
			}
			int e2 = 2 * error;
			if (e2 >= dy) {
				error += dy;
				x += sx;
			}
			if (e2 <= dx) {
				error += dx;
				y += sy;
			}
			// 4-connected, so no floor region leaks diagonally through the drawn edge
			image.set(x, y, 1);
		}
	}

	/** A free line end: where it is, which way the line points out of it, how much line is behind it. */
	private record Tip(int x, int y, double dx, double dy, int run) {

		double distanceTo(Tip other) {
			return Math.hypot(other.x - this.x, other.y - this.y);
		}

		double side(Tip other) {
			return this.dx * (other.y - this.y) - this.dy * (other.x - this.x);
		}

		/**
		 * Parallel, pointing the same way, and beside this one rather than ahead of it: the
		 * next stall line of a row, at any stall angle down to 45 degrees.
		 */
		boolean beside(Tip other) {
			double parallel = this.dx * other.dx + this.dy * other.dy;
			double distance = distanceTo(other);
			if (parallel < 0.94 || distance < 3) {
				return false;
			}
			return Math.abs(this.dx * (other.x - this.x) + this.dy * (other.y - this.y)) / distance < 0.85;
		}

	}

}

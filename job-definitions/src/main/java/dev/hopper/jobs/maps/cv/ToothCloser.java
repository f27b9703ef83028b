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

	/** How far behind a tip its line is followed, in reaches. */
	private static final int RUN_CAP = 8;

	private static final int[] DX = { 1, 1, 0, -1, -1, -1, 0, 1 };

	private static final int[] DY = { 0, 1, 1, 1, 0, -1, -1, -1 };

	private ToothCloser() {
	}

	/** The ink with the fronts drawn in, and the ink's one-pixel skeleton. */
	record Closed(GrayU8 ink, GrayU8 skeleton) {
	}

	/** Closes the fronts in a copy of {@code ink}, which is not changed. */
	static Closed close(GrayU8 ink, double reach) {
		GrayU8 skeleton = withoutNubs(BinaryImageOps.thin(ink.clone(), 50, null));
		int steps = (int) Math.ceil(reach);
		List<Tip> ends = distinct(tips(skeleton, steps), 2 * strokeWidth(ink, skeleton) + 2);
		// a stall line is at least twice a stall's width long and stands on more line; the
		// strokes of labels are shorter. Where large labels outnumber the stall lines, the
		// first spacing is theirs; without their strokes, it is the stalls'. A run is
		// followed only so far, so that far is long enough.
		double longest = RUN_CAP * steps;
		double spacing = typicalSpacing(ends);
		List<Tip> tips = longerThan(ends, Math.min(2 * spacing, longest));
		for (int pass = 0; pass < 3 && !tips.isEmpty(); pass++) {
			double refined = typicalSpacing(tips);
			if (!(refined > 1.2 * spacing)) {
				break;
			}
			spacing = refined;
			tips = longerThan(ends, Math.min(2 * spacing, longest));
		}
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
		return new Closed(closed, skeleton);
	}

	/**
	 * The ink's typical stroke width: twice the number of erosions that half its skeleton's
	 * pixels outlive, less one (the median chessboard distance to the floor). A median, so
	 * a few filled areas do not count; a large one, such as the table around a photographed
	 * sheet, would, which is why {@link InkMask} clears it.
	 */
	private static double strokeWidth(GrayU8 ink, GrayU8 skeleton) {
		int length = inkUnder(skeleton, skeleton);
		GrayU8 eroded = ink;
		for (int erosions = 1; length > 0 && erosions < Math.max(ink.width, ink.height); erosions++) {
			eroded = BinaryImageOps.erode8(eroded, 1, null);
			if (2 * inkUnder(skeleton, eroded) <= length) {
				return 2 * erosions - 1;
			}
		}
		return 1;
	}

	/** How many of the skeleton's pixels are ink in {@code image}. */
	private static int inkUnder(GrayU8 skeleton, GrayU8 image) {
		int count = 0;
		for (int i = 0; i < skeleton.data.length; i++) {
			count += (skeleton.data[i] != 0 && image.data[i] != 0) ? 1 : 0;
		}
		return count;
	}

	/**
	 * One tip per line end. A wide or blurred line can thin into several prongs at its
	 * end; parallel tips closer than a couple of stroke widths are one end, and the one
	 * with the most line behind it stands for it.
	 */
	private static List<Tip> distinct(List<Tip> tips, double radius) {
		List<Tip> byRun = new ArrayList<>(tips);
		byRun.sort((a, b) -> Integer.compare(b.run(), a.run()));
		List<Tip> kept = new ArrayList<>();
		for (Tip tip : byRun) {
			boolean seen = kept.stream()
				.anyMatch((k) -> k.distanceTo(tip) < radius && k.dx() * tip.dx() + k.dy() * tip.dy() > 0.8);
			if (!seen) {
				kept.add(tip);
			}
		}
		return kept;
	}

	private static List<Tip> longerThan(List<Tip> tips, double run) {
		return tips.stream().filter((tip) -> tip.run() >= run).toList();
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
		int cap = RUN_CAP * reach;
		for (int y = 1; y < skeleton.height - 1; y++) {
			for (int x = 1; x < skeleton.width - 1; x++) {
				if (skeleton.unsafe_get(x, y) != 0 && isEnd(skeleton, x, y)) {
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

	/**
	 * Thinning a line several pixels wide can leave a two-pronged fork at its end, and a
	 * noisy line small bumps; neither prong would count as an end. A pixel whose
	 * neighbours are two that touch each other joins nothing, so each is removed (in one
	 * pass, so no line shortens further), and a fork becomes a plain end.
	 */
	private static GrayU8 withoutNubs(GrayU8 skeleton) {
		GrayU8 pruned = skeleton.clone();
		for (int y = 1; y < skeleton.height - 1; y++) {
			for (int x = 1; x < skeleton.width - 1; x++) {
				if (skeleton.unsafe_get(x, y) == 0) {
					continue;
				}
				int count = 0;
				int runs = 0;
				for (int k = 0; k < 8; k++) {
					boolean on = skeleton.unsafe_get(x + DX[k], y + DY[k]) != 0;
					boolean next = skeleton.unsafe_get(x + DX[(k + 1) % 8], y + DY[(k + 1) % 8]) != 0;
					count += on ? 1 : 0;
					runs += (!on && next) ? 1 : 0;
				}
				if (count == 2 && runs == 1) {
					pruned.unsafe_set(x, y, 0);
				}
			}
		}
		return pruned;
	}

	private static boolean isEnd(GrayU8 image, int x, int y) {
		int count = 0;
		for (int k = 0; k < 8; k++) {
			count += (image.unsafe_get(x + DX[k], y + DY[k]) != 0) ? 1 : 0;
		}
		return count == 1;
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

package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.List;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;

import dev.hopper.jobs.maps.plan.Point;

/**
 * Finds stalls among the closed floor regions: those shaped like a quadrilateral (the hull
 * nearly all the best quadrilateral in it, the floor most of the hull), 1.4 to 4.5 times as
 * long as wide, and of the size most such regions share.
 */
final class SlotFinder {

	private SlotFinder() {
	}

	/**
	 * A floor region taken for a stall: its outline, its label in {@code regions}, and how
	 * much of its hull the quadrilateral covers (1: a clean quadrilateral).
	 */
	record Found(List<Point> quad, int label, List<List<Point2D_I32>> holes, double fit) {
	}

	/** The regions labelled, those taken for stalls, and the least fit they were held to. */
	record Regions(GrayS32 labels, List<Found> slots, double minFit) {
	}

	/** How much of its hull a stall's quadrilateral covers, at least, where lines draw the stalls. */
	static final double LINES_FIT = 0.92;

	/** The same where stalls are tiles, whose rounded corners a quadrilateral does not reach. */
	static final double TILES_FIT = 0.85;

	static Regions find(GrayU8 closedInk) {
		return find(closedInk, LINES_FIT);
	}

	static Regions find(GrayU8 closedInk, double minFit) {
		GrayU8 floor = BinaryImageOps.invert(BinaryImageOps.dilate8(closedInk, 1, null), null);
		GrayS32 labels = new GrayS32(floor.width, floor.height);
		List<Contour> contours = BinaryImageOps.contour(floor, ConnectRule.FOUR, labels);
		int[] pixels = new int[contours.size() + 1];
		for (int label : labels.data) {
			if (label > 0) {
				pixels[label]++;
			}
		}
		List<Found> candidates = new ArrayList<>();
		for (int i = 0; i < contours.size(); i++) {
			Contour contour = contours.get(i);
			if (contour.external.size() < 12 || touchesBorder(contour.external, floor.width, floor.height)) {
				continue;
			}
			List<Point> outline = contour.external.stream().map((p) -> new Point(p.x, p.y)).toList();
			List<Point> hull = Geometry.convexHull(outline);
			double hullArea = Geometry.area(hull);
			if (hullArea < 60) {
				continue;
			}
			List<Point> quad = Geometry.largestQuadrilateral(hull);
			if (quad.size() < 4) {
				// a triangular region (a hull of three corners) is no stall
				continue;
			}
			double quadArea = Geometry.area(quad);
			// labels and icons inside a stall are holes in its floor, but never most of it
			if (pixels[i + 1] < 0.5 * hullArea || quadArea < minFit * hullArea || !oblong(quad)) {
				continue;
			}
			// the region stops a line's half-width and the dilation short of the lines
			candidates.add(new Found(Geometry.grow(quad, 2.5), i + 1, contour.internal, quadArea / hullArea));
		}
		return new Regions(labels, inRows(typicalSize(candidates)), minFit);
	}

	private static boolean oblong(List<Point> quad) {
		double a = (quad.get(0).distanceTo(quad.get(1)) + quad.get(2).distanceTo(quad.get(3))) / 2;
		double b = (quad.get(1).distanceTo(quad.get(2)) + quad.get(3).distanceTo(quad.get(0))) / 2;
		double ratio = Math.max(a, b) / Math.min(a, b);
		return ratio >= 1.4 && ratio <= 4.5;
	}

	/** Keeps the regions within a factor of two of the median area: stalls come in one size. */
	private static List<Found> typicalSize(List<Found> candidates) {
		if (candidates.isEmpty()) {
			return candidates;
		}
		double[] areas = candidates.stream().mapToDouble((f) -> Geometry.area(f.quad())).sorted().toArray();
		double median = areas[areas.length / 2];
		return candidates.stream().filter((f) -> {
			double area = Geometry.area(f.quad());
			return area > median / 2 && area < median * 2;
		}).toList();
	}

	/**
	 * Keeps the regions with a twin beside them: stalls are drawn in rows, so a stall has a
	 * neighbour of its size and direction one or two stall widths along its short side.
	 * Lone quadrilaterals are noise, text or furniture.
	 */
	private static List<Found> inRows(List<Found> found) {
		return found.stream().filter((f) -> found.stream().anyMatch((other) -> other != f && twins(f.quad(), other.quad())))
			.toList();
	}

	/** How many stalls stand beside {@code quad} in its row: 0 for a lone one, 2 inside a row. */
	static long twinsOf(List<Point> quad, List<List<Point>> all) {
		return all.stream().filter((other) -> other != quad && twins(quad, other)).count();
	}

	private static boolean twins(List<Point> a, List<Point> b) {
		double areaRatio = Geometry.area(a) / Geometry.area(b);
		if (areaRatio < 2.0 / 3 || areaRatio > 1.5) {
			return false;
		}
		double[] side = shortSide(a);
		double[] otherSide = shortSide(b);
		double length = Math.hypot(side[0], side[1]);
		double parallel = Math.abs(side[0] * otherSide[0] + side[1] * otherSide[1])
				/ (length * Math.hypot(otherSide[0], otherSide[1]));
		Point ca = Point.mean(a);
		Point cb = Point.mean(b);
		double dx = cb.x() - ca.x();
		double dy = cb.y() - ca.y();
		double distance = Math.hypot(dx, dy);
		double along = Math.abs(dx * side[0] + dy * side[1]) / (length * distance);
		return parallel > 0.97 && distance < 2.3 * length && along > 0.9;
	}

	private static double[] shortSide(List<Point> quad) {
		boolean firstShort = quad.get(0).distanceTo(quad.get(1)) <= quad.get(1).distanceTo(quad.get(2));
		Point a = firstShort ? quad.get(0) : quad.get(1);
		Point b = firstShort ? quad.get(1) : quad.get(2);
		return new double[] { b.x() - a.x(), b.y() - a.y() };
	}

	private static boolean touchesBorder(List<Point2D_I32> points, int width, int height) {
		for (Point2D_I32 p : points) {
			if (p.x <= 0 || p.y <= 0 || p.x >= width - 1 || p.y >= height - 1) {
				return true;
			}
		}
		return false;
	}

}

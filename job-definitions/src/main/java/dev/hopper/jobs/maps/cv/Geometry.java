package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.hopper.jobs.maps.plan.Point;

/** Plane geometry the parser needs: hulls, areas, the best quadrilateral in a hull. */
final class Geometry {

	private Geometry() {
	}

	/** Andrew's monotone chain; counter-clockwise in image coordinates' sense of the shoelace. */
	static List<Point> convexHull(List<Point> points) {
		List<Point> sorted = new ArrayList<>(points);
		sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
		if (sorted.size() < 3) {
			return sorted;
		}
		List<Point> hull = new ArrayList<>();
		for (int pass = 0; pass < 2; pass++) {
			int start = hull.size();
			for (Point p : sorted) {
				while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
					hull.remove(hull.size() - 1);
				}
				hull.add(p);
			}
			hull.remove(hull.size() - 1);
			java.util.Collections.reverse(sorted);
		}
		return hull;
	}

	static double cross(Point o, Point a, Point b) {
		return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
	}

	static double area(List<Point> polygon) {
		double sum = 0;
		for (int i = 0; i < polygon.size(); i++) {
			Point p = polygon.get(i);
			Point q = polygon.get((i + 1) % polygon.size());
			sum += p.x() * q.y() - q.x() * p.y();
		}
		return Math.abs(sum) / 2;
	}

	/** The largest-area quadrilateral with corners on the hull's vertices, in hull order. */
	static List<Point> largestQuadrilateral(List<Point> hull) {
		int n = hull.size();
		if (n <= 4) {
			return hull;
		}
		double best = -1;
		int[] corners = new int[4];
		for (int i = 0; i < n; i++) {
			for (int k = i + 2; k < n; k++) {
				int bestJ = -1;
				double areaJ = -1;
				for (int j = i + 1; j < k; j++) {
					double a = Math.abs(cross(hull.get(i), hull.get(j), hull.get(k)));
					if (a > areaJ) {
						areaJ = a;
						bestJ = j;
					}
				}
				int bestL = -1;
				double areaL = -1;
				for (int l = k + 1; l < n + i; l++) {
					double a = Math.abs(cross(hull.get(k), hull.get(l % n), hull.get(i)));
					if (a > areaL) {
						areaL = a;
						bestL = l % n;
					}
				}
				if (bestJ >= 0 && bestL >= 0 && areaJ + areaL > best) {
					best = areaJ + areaL;
					corners = new int[] { i, bestJ, k, bestL };
				}
			}
		}
		return List.of(hull.get(corners[0]), hull.get(corners[1]), hull.get(corners[2]), hull.get(corners[3]));
	}

	/** A stall's width across, between its lines, whatever its angle to the row: its area over its longest side. */
	static double width(List<Point> quad) {
		double longSide = 0;
		for (int i = 0; i < quad.size(); i++) {
			longSide = Math.max(longSide, quad.get(i).distanceTo(quad.get((i + 1) % quad.size())));
		}
		return area(quad) / longSide;
	}

	/** The convex polygon with every edge moved outward by {@code distance}. */
	static List<Point> grow(List<Point> convex, double distance) {
		int n = convex.size();
		double orientation = Math.signum(signedArea(convex));
		List<Point> grown = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Point prev = convex.get((i + n - 1) % n);
			Point at = convex.get(i);
			Point next = convex.get((i + 1) % n);
			double[] n1 = outwardNormal(prev, at, orientation);
			double[] n2 = outwardNormal(at, next, orientation);
			double bx = n1[0] + n2[0];
			double by = n1[1] + n2[1];
			double dot = n1[0] * n2[0] + n1[1] * n2[1];
			double scale = distance / (1 + dot);
			grown.add(new Point(at.x() + bx * scale, at.y() + by * scale));
		}
		return grown;
	}

	private static double[] outwardNormal(Point a, Point b, double orientation) {
		double dx = b.x() - a.x();
		double dy = b.y() - a.y();
		double length = Math.hypot(dx, dy);
		return new double[] { orientation * dy / length, -orientation * dx / length };
	}

	static double signedArea(List<Point> polygon) {
		double sum = 0;
		for (int i = 0; i < polygon.size(); i++) {
			Point p = polygon.get(i);
			Point q = polygon.get((i + 1) % polygon.size());
			sum += p.x() * q.y() - q.x() * p.y();
		}
		return sum / 2;
	}

	static boolean contains(List<Point> polygon, Point p) {
		boolean inside = false;
		for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
			Point a = polygon.get(i);
			Point b = polygon.get(j);
			if ((a.y() > p.y()) != (b.y() > p.y())
					&& p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
				inside = !inside;
			}
		}
		return inside;
	}

}

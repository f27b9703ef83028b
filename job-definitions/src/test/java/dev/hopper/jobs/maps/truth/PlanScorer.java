package dev.hopper.jobs.maps.truth;

import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * Scores a parsed map against its truth. Slots are matched one-to-one, greedily by
 * descending polygon IoU, and only at IoU ≥ 0.5. An entrance counts as found when a parsed
 * one lies within half an aisle of it, and its kind is right when the nearest such one has
 * the same kind. A lane edge counts when parsed lane edges run within half an aisle of at
 * least 80 % of its length; a one-way edge counts when parsed one-way edges pointing the
 * same way (within 60°: the test is of direction; position is the lane edge's) do.
 */
public final class PlanScorer {

	static final double MATCH_IOU = 0.5;

	private PlanScorer() {
	}

	public static PlanScore score(ParkingMap truth, ParkingMap parsed, double aislePixels) {
		List<Slot> expected = truth.slots();
		List<Slot> found = parsed.slots();
		List<double[]> pairs = new ArrayList<>();
		for (int t = 0; t < expected.size(); t++) {
			Slot slot = expected.get(t);
			double reach = diameter(slot);
			for (int p = 0; p < found.size(); p++) {
				if (slot.center().distanceTo(found.get(p).center()) < reach) {
					double iou = iou(slot.polygon(), found.get(p).polygon());
					if (iou >= MATCH_IOU) {
						pairs.add(new double[] { iou, t, p });
					}
				}
			}
		}
		pairs.sort(Comparator.comparingDouble((double[] pair) -> pair[0]).reversed());
		boolean[] truthTaken = new boolean[expected.size()];
		boolean[] parsedTaken = new boolean[found.size()];
		int matches = 0;
		double iouSum = 0;
		int idsRight = 0;
		int typesRight = 0;
		int[] reservedTruth = new int[SlotType.values().length];
		int[] reservedFound = new int[SlotType.values().length];
		for (Slot slot : expected) {
			reservedTruth[slot.type().ordinal()]++;
		}
		for (double[] pair : pairs) {
			int t = (int) pair[1];
			int p = (int) pair[2];
			if (truthTaken[t] || parsedTaken[p]) {
				continue;
			}
			truthTaken[t] = true;
			parsedTaken[p] = true;
			matches++;
			iouSum += pair[0];
			Slot want = expected.get(t);
			Slot got = found.get(p);
			idsRight += want.id().equals(got.id()) ? 1 : 0;
			if (want.type() == got.type()) {
				typesRight++;
				reservedFound[want.type().ordinal()]++;
			}
		}
		return new PlanScore(expected.size(), found.size(), matches, (matches == 0) ? 0 : iouSum / matches, idsRight,
				typesRight, reservedTruth[SlotType.DISABLED.ordinal()], reservedFound[SlotType.DISABLED.ordinal()],
				reservedTruth[SlotType.EV.ordinal()], reservedFound[SlotType.EV.ordinal()],
				entrancesFound(truth, parsed, aislePixels / 2), countEntrances(truth),
				laneEdgesFound(truth, parsed, aislePixels / 2, false), countLaneEdges(truth, false),
				entranceKindsRight(truth, parsed, aislePixels / 2), laneEdgesFound(truth, parsed, aislePixels / 2, true),
				countLaneEdges(truth, true));
	}

	private static int entranceKindsRight(ParkingMap truth, ParkingMap parsed, double tolerance) {
		List<Entrance> candidates = parsed.levels().stream().flatMap((l) -> l.entrances().stream()).toList();
		int right = 0;
		for (Level level : truth.levels()) {
			for (Entrance entrance : level.entrances()) {
				right += candidates.stream()
					.filter((c) -> c.point().distanceTo(entrance.point()) <= tolerance)
					.min((a, b) -> Double.compare(a.point().distanceTo(entrance.point()),
							b.point().distanceTo(entrance.point())))
					.filter((c) -> c.kind() == entrance.kind())
					.isPresent() ? 1 : 0;
			}
		}
		return right;
	}

	private static int entrancesFound(ParkingMap truth, ParkingMap parsed, double tolerance) {
		List<Entrance> candidates = parsed.levels().stream().flatMap((l) -> l.entrances().stream()).toList();
		int found = 0;
		for (Level level : truth.levels()) {
			for (Entrance entrance : level.entrances()) {
				found += candidates.stream().anyMatch((c) -> c.point().distanceTo(entrance.point()) <= tolerance) ? 1 : 0;
			}
		}
		return found;
	}

	private static int laneEdgesFound(ParkingMap truth, ParkingMap parsed, double tolerance, boolean oneWays) {
		List<Point[]> segments = new ArrayList<>();
		for (Level level : parsed.levels()) {
			for (LaneGraph.Edge edge : level.lanes().edges()) {
				if (!oneWays || edge.oneway()) {
					segments.add(new Point[] { level.lanes().node(edge.from()).point(),
							level.lanes().node(edge.to()).point() });
				}
			}
		}
		int found = 0;
		for (Level level : truth.levels()) {
			for (LaneGraph.Edge edge : level.lanes().edges()) {
				if (oneWays && !edge.oneway()) {
					continue;
				}
				Point a = level.lanes().node(edge.from()).point();
				Point b = level.lanes().node(edge.to()).point();
				int near = 0;
				int samples = 20;
				for (int i = 0; i <= samples; i++) {
					Point at = new Point(a.x() + (b.x() - a.x()) * i / samples, a.y() + (b.y() - a.y()) * i / samples);
					if (segments.stream().anyMatch((s) -> distanceToSegment(at, s[0], s[1]) <= tolerance
							&& (!oneWays || sameWay(a, b, s[0], s[1])))) {
						near++;
					}
				}
				found += (near >= 0.8 * (samples + 1)) ? 1 : 0;
			}
		}
		return found;
	}

	private static int countEntrances(ParkingMap map) {
		return map.levels().stream().mapToInt((l) -> l.entrances().size()).sum();
	}

	private static boolean sameWay(Point a, Point b, Point c, Point d) {
		double dot = (b.x() - a.x()) * (d.x() - c.x()) + (b.y() - a.y()) * (d.y() - c.y());
		return dot >= Math.cos(Math.toRadians(60)) * a.distanceTo(b) * c.distanceTo(d);
	}

	private static int countLaneEdges(ParkingMap map, boolean oneWays) {
		return map.levels().stream()
			.mapToInt((l) -> (int) l.lanes().edges().stream().filter((e) -> !oneWays || e.oneway()).count())
			.sum();
	}

	static double distanceToSegment(Point p, Point a, Point b) {
		double dx = b.x() - a.x();
		double dy = b.y() - a.y();
		double lengthSquared = dx * dx + dy * dy;
		double t = (lengthSquared == 0) ? 0
				: Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSquared));
		return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
	}

	static double iou(List<Point> a, List<Point> b) {
		Area intersection = new Area(path(a));
		intersection.intersect(new Area(path(b)));
		double common = area(intersection);
		double union = Math.abs(shoelace(a)) + Math.abs(shoelace(b)) - common;
		return (union <= 0) ? 0 : common / union;
	}

	private static double diameter(Slot slot) {
		double longest = 0;
		for (Point p : slot.polygon()) {
			for (Point q : slot.polygon()) {
				longest = Math.max(longest, p.distanceTo(q));
			}
		}
		return longest;
	}

	private static Path2D.Double path(List<Point> polygon) {
		Path2D.Double path = new Path2D.Double();
		path.moveTo(polygon.get(0).x(), polygon.get(0).y());
		for (Point p : polygon.subList(1, polygon.size())) {
			path.lineTo(p.x(), p.y());
		}
		path.closePath();
		return path;
	}

	private static double area(Area area) {
		double total = 0;
		List<Point> ring = new ArrayList<>();
		double[] coords = new double[6];
		for (PathIterator it = area.getPathIterator(null); !it.isDone(); it.next()) {
			int type = it.currentSegment(coords);
			if (type == PathIterator.SEG_MOVETO) {
				ring.clear();
			}
			if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
				ring.add(new Point(coords[0], coords[1]));
			}
			if (type == PathIterator.SEG_CLOSE && ring.size() > 2) {
				total += shoelace(ring);
			}
		}
		return Math.abs(total);
	}

	static double shoelace(List<Point> polygon) {
		double sum = 0;
		for (int i = 0; i < polygon.size(); i++) {
			Point p = polygon.get(i);
			Point q = polygon.get((i + 1) % polygon.size());
			sum += p.x() * q.y() - q.x() * p.y();
		}
		return sum / 2;
	}

}

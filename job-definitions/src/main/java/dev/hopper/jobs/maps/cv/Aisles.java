package dev.hopper.jobs.maps.cv;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * A floor's driving aisles and its ways in and out. The floor's outline is the hull of the
 * lines its stalls are drawn with (walls included, as stall lines meet them). Inside it, the
 * floor that is neither ink nor stall is the aisle; its skeleton, with short spurs into
 * corners pruned and its bends kept, is the lane graph. Where aisle floor reaches the
 * outline across a stretch wider than a stall, the wall has a gap: an entrance or exit
 * (reported as {@code both}: arrows are not read).
 */
final class Aisles {

	record Found(LaneGraph lanes, List<Entrance> entrances) {
	}

	private final GrayU8 closedInk;

	private final GrayS32 inkLabels;

	private final List<Contour> inkContours;

	Aisles(GrayU8 closedInk) {
		this.closedInk = closedInk;
		this.inkLabels = new GrayS32(closedInk.width, closedInk.height);
		this.inkContours = BinaryImageOps.contour(closedInk, ConnectRule.EIGHT, this.inkLabels);
	}

	Found find(String levelId, List<Slot> slots) {
		if (slots.size() < 2) {
			return new Found(LaneGraph.empty(), List.of());
		}
		double depth = slots.stream().mapToDouble(Levels::depth).sorted().toArray()[slots.size() / 2];
		double slotArea = slots.stream().mapToDouble((s) -> Geometry.area(s.polygon())).sorted().toArray()[slots.size() / 2];
		double width = slotArea / depth;
		List<Point> outline = outline(slots);
		if (outline.size() < 3) {
			return new Found(LaneGraph.empty(), List.of());
		}
		Window window = Window.around(outline, this.closedInk.width, this.closedInk.height);
		GrayU8 aisle = aisleFloor(window, outline, slots, slotArea);
		List<Point> ways = openings(window, aisle, outline, 0.6 * width);
		LaneGraph lanes = new Skeleton(BinaryImageOps.thin(aisle.clone(), 200, null), window.x0, window.y0)
			.graph(levelId, 1.5 * depth, 0.2 * depth);
		List<Entrance> entrances = new ArrayList<>();
		List<LaneGraph.Node> nodes = new ArrayList<>(lanes.nodes());
		List<LaneGraph.Edge> edges = new ArrayList<>(lanes.edges());
		for (Point way : ways) {
			String id = levelId + "-E" + (entrances.size() + 1);
			entrances.add(new Entrance(id, Entrance.Kind.BOTH, way));
			lanes.nodes().stream().min((a, b) -> Double.compare(a.point().distanceTo(way), b.point().distanceTo(way)))
				.filter((nearest) -> nearest.point().distanceTo(way) < 3 * depth)
				.ifPresent((nearest) -> {
					nodes.add(new LaneGraph.Node(id + "-n", way));
					edges.add(new LaneGraph.Edge(id + "-n", nearest.id(), false));
				});
		}
		return new Found(new LaneGraph(nodes, edges), entrances);
	}

	/** The hull of every ink component a stall's outline touches. */
	private List<Point> outline(List<Slot> slots) {
		Set<Integer> touching = new HashSet<>();
		for (Slot slot : slots) {
			List<Point> q = slot.polygon();
			for (int i = 0; i < q.size(); i++) {
				Point a = q.get(i);
				Point b = q.get((i + 1) % q.size());
				int steps = (int) Math.ceil(a.distanceTo(b));
				for (int s = 0; s <= steps; s++) {
					int x = (int) Math.round(a.x() + (b.x() - a.x()) * s / Math.max(1, steps));
					int y = (int) Math.round(a.y() + (b.y() - a.y()) * s / Math.max(1, steps));
					if (this.inkLabels.isInBounds(x, y) && this.inkLabels.get(x, y) > 0) {
						touching.add(this.inkLabels.get(x, y));
					}
				}
			}
		}
		List<Point> points = new ArrayList<>();
		for (int label : touching) {
			for (Point2D_I32 p : this.inkContours.get(label - 1).external) {
				points.add(new Point(p.x, p.y));
			}
		}
		return (points.size() < 3) ? List.of() : Geometry.convexHull(points);
	}

	/** Inside the outline, neither ink nor stall; small islands of ink (arrows, text) filled in. */
	private GrayU8 aisleFloor(Window window, List<Point> outline, List<Slot> slots, double slotArea) {
		BufferedImage mask = new BufferedImage(window.width, window.height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = mask.createGraphics();
		g.translate(-window.x0, -window.y0);
		g.setColor(Color.WHITE);
		g.fill(path(outline));
		g.setColor(Color.BLACK);
		for (Slot slot : slots) {
			g.fill(path(Geometry.grow(slot.polygon(), 1.5)));
		}
		g.dispose();
		byte[] inside = ((java.awt.image.DataBufferByte) mask.getRaster().getDataBuffer()).getData();
		GrayU8 floor = new GrayU8(window.width, window.height);
		GrayU8 blocked = new GrayU8(window.width, window.height);
		for (int y = 0; y < window.height; y++) {
			for (int x = 0; x < window.width; x++) {
				boolean free = inside[y * window.width + x] != 0 && this.closedInk.get(window.x0 + x, window.y0 + y) == 0;
				floor.set(x, y, free ? 1 : 0);
				blocked.set(x, y, (!free && inside[y * window.width + x] != 0) ? 1 : 0);
			}
		}
		// ink islands in the aisle (arrows, numbers) would put holes in the skeleton
		GrayS32 labels = new GrayS32(window.width, window.height);
		List<Contour> islands = BinaryImageOps.contour(blocked, ConnectRule.EIGHT, labels);
		int[] size = new int[islands.size() + 1];
		for (int label : labels.data) {
			size[label]++;
		}
		for (int i = 0; i < labels.data.length; i++) {
			if (labels.data[i] > 0 && size[labels.data[i]] < 0.3 * slotArea) {
				floor.data[i] = 1;
			}
		}
		// the aisle is the large floor; pockets in labels and corners are not
		GrayS32 regions = new GrayS32(window.width, window.height);
		List<Contour> parts = BinaryImageOps.contour(floor, ConnectRule.FOUR, regions);
		int[] area = new int[parts.size() + 1];
		for (int label : regions.data) {
			area[label]++;
		}
		for (int i = 0; i < regions.data.length; i++) {
			floor.data[i] = (byte) ((regions.data[i] > 0 && area[regions.data[i]] >= 1.5 * slotArea) ? 1 : 0);
		}
		return floor;
	}

	/** Stretches of the outline with aisle floor right inside it, at least {@code minWidth} long. */
	private List<Point> openings(Window window, GrayU8 aisle, List<Point> outline, double minWidth) {
		List<Point> ways = new ArrayList<>();
		double orientation = Math.signum(Geometry.signedArea(outline));
		for (int i = 0; i < outline.size(); i++) {
			Point a = outline.get(i);
			Point b = outline.get((i + 1) % outline.size());
			double length = a.distanceTo(b);
			double nx = -(b.y() - a.y()) / length * orientation;
			double ny = (b.x() - a.x()) / length * orientation;
			int runStart = -1;
			int gap = 0;
			for (int s = 0; s <= (int) length + 1; s++) {
				boolean open = s <= (int) length && openAt(window, aisle, a.x() + (b.x() - a.x()) * s / length,
						a.y() + (b.y() - a.y()) * s / length, nx, ny);
				if (open) {
					runStart = (runStart < 0) ? s : runStart;
					gap = 0;
				}
				else if (runStart >= 0 && ++gap > 2) {
					int runEnd = s - gap;
					if (runEnd - runStart >= minWidth) {
						double mid = (runStart + runEnd) / 2.0 / length;
						ways.add(new Point(a.x() + (b.x() - a.x()) * mid, a.y() + (b.y() - a.y()) * mid));
					}
					runStart = -1;
					gap = 0;
				}
			}
		}
		return ways;
	}

	/** No ink on the outline here, and aisle floor a few pixels inwards (either way round). */
	private boolean openAt(Window window, GrayU8 aisle, double x, double y, double nx, double ny) {
		int px = (int) Math.round(x);
		int py = (int) Math.round(y);
		if (!this.closedInk.isInBounds(px, py) || this.closedInk.get(px, py) != 0) {
			return false;
		}
		for (int k = 1; k <= 4; k++) {
			for (int sign : new int[] { 1, -1 }) {
				int ax = (int) Math.round(x + sign * k * nx) - window.x0;
				int ay = (int) Math.round(y + sign * k * ny) - window.y0;
				if (aisle.isInBounds(ax, ay) && aisle.get(ax, ay) != 0) {
					return true;
				}
			}
		}
		return false;
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

	/** The part of the image around a floor's outline, with a pixel's margin. */
	private record Window(int x0, int y0, int width, int height) {

		static Window around(List<Point> outline, int imageWidth, int imageHeight) {
			double minX = outline.stream().mapToDouble(Point::x).min().orElse(0);
			double minY = outline.stream().mapToDouble(Point::y).min().orElse(0);
			double maxX = outline.stream().mapToDouble(Point::x).max().orElse(0);
			double maxY = outline.stream().mapToDouble(Point::y).max().orElse(0);
			int x0 = Math.max(0, (int) Math.floor(minX) - 2);
			int y0 = Math.max(0, (int) Math.floor(minY) - 2);
			int x1 = Math.min(imageWidth, (int) Math.ceil(maxX) + 3);
			int y1 = Math.min(imageHeight, (int) Math.ceil(maxY) + 3);
			return new Window(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
		}

	}

}

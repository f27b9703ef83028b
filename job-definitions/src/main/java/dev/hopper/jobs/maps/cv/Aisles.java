package dev.hopper.jobs.maps.cv;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * outline across a stretch wider than a stall, the wall has a gap: an entrance, an exit or
 * both, as the arrow drawn there says. Arrows painted along an aisle make its edge one-way.
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
		List<Arrow> arrows = new ArrayList<>();
		GrayU8 aisle = aisleFloor(window, outline, slots, slotArea, arrows);
		List<Way> ways = openings(window, aisle, outline, 0.6 * width);
		// thinning peels a pixel a pass, so a wide aisle costs many passes over the window:
		// thin it at a scale where a stall is about twelve pixels deep
		int step = Math.max(1, (int) Math.floor(depth / 12));
		LaneGraph lanes = new Skeleton(BinaryImageOps.thin(shrink(aisle, step), 200, null), window.x0, window.y0, step)
			.graph(levelId, 1.5 * depth / step, 0.2 * depth);
		List<Entrance> entrances = new ArrayList<>();
		List<LaneGraph.Node> nodes = new ArrayList<>(lanes.nodes());
		List<LaneGraph.Edge> edges = new ArrayList<>(oneWays(lanes, arrows, 0.6 * depth));
		for (Way way : ways) {
			String id = levelId + "-E" + (entrances.size() + 1);
			Entrance.Kind kind = kind(way, 2 * depth, 0.3 * slotArea);
			entrances.add(new Entrance(id, kind, way.point()));
			String joint = join(way, 3 * depth, nodes, edges);
			if (joint != null) {
				nodes.add(new LaneGraph.Node(id + "-n", way.point()));
				edges.add((kind == Entrance.Kind.EXIT) ? new LaneGraph.Edge(joint, id + "-n", true)
						: new LaneGraph.Edge(id + "-n", joint, kind == Entrance.Kind.ENTRANCE));
			}
		}
		return new Found(new LaneGraph(nodes, edges), entrances);
	}

	/**
	 * The node where a way in joins the lanes: the nearest point of any edge within
	 * {@code reach} and ahead of it (within 60° of straight in), splitting that edge there
	 * unless it is one of its ends; null if none.
	 */
	private static String join(Way in, double reach, List<LaneGraph.Node> nodes, List<LaneGraph.Edge> edges) {
		Point way = in.point();
		LaneGraph graph = new LaneGraph(nodes, edges);
		LaneGraph.Edge best = null;
		Point nearest = null;
		double t = 0;
		for (LaneGraph.Edge edge : edges) {
			Point a = graph.node(edge.from()).point();
			Point b = graph.node(edge.to()).point();
			double length2 = Math.pow(a.distanceTo(b), 2);
			double u = (length2 == 0) ? 0 : Math.max(0, Math.min(1,
					((way.x() - a.x()) * (b.x() - a.x()) + (way.y() - a.y()) * (b.y() - a.y())) / length2));
			Point at = new Point(a.x() + u * (b.x() - a.x()), a.y() + u * (b.y() - a.y()));
			double inwards = -((at.x() - way.x()) * in.outX() + (at.y() - way.y()) * in.outY());
			if (inwards < 0.5 * at.distanceTo(way)) {
				continue;
			}
			if (nearest == null || at.distanceTo(way) < nearest.distanceTo(way)) {
				best = edge;
				nearest = at;
				t = u * Math.sqrt(length2);
			}
		}
		if (best == null || nearest.distanceTo(way) > reach) {
			return null;
		}
		double length = graph.node(best.from()).point().distanceTo(graph.node(best.to()).point());
		if (t < 2) {
			return best.from();
		}
		if (t > length - 2) {
			return best.to();
		}
		String id = best.from() + "-" + best.to();
		nodes.add(new LaneGraph.Node(id, nearest));
		edges.remove(best);
		edges.add(new LaneGraph.Edge(best.from(), id, best.oneway()));
		edges.add(new LaneGraph.Edge(id, best.to(), best.oneway()));
		return id;
	}

	/** A gap in a floor's outline, and the way out of the floor there. */
	private record Way(Point point, double outX, double outY) {
	}

	/**
	 * Each edge with arrows painted along it (within {@code reach}, parallel to it, all
	 * pointing one way) becomes one-way, running the way they point.
	 */
	private static List<LaneGraph.Edge> oneWays(LaneGraph lanes, List<Arrow> arrows, double reach) {
		List<LaneGraph.Edge> edges = new ArrayList<>();
		for (LaneGraph.Edge edge : lanes.edges()) {
			Point a = lanes.node(edge.from()).point();
			Point b = lanes.node(edge.to()).point();
			double length = a.distanceTo(b);
			int forward = 0;
			int backward = 0;
			for (Arrow arrow : arrows) {
				if (length == 0 || arrow.bothWays()) {
					continue;
				}
				double ex = (b.x() - a.x()) / length;
				double ey = (b.y() - a.y()) / length;
				double t = (arrow.centre().x() - a.x()) * ex + (arrow.centre().y() - a.y()) * ey;
				double off = Math.abs(-(arrow.centre().x() - a.x()) * ey + (arrow.centre().y() - a.y()) * ex);
				double along = arrow.along(ex, ey);
				if (t >= 0 && t <= length && off <= reach && Math.abs(along) > 0.9) {
					forward += (along > 0) ? 1 : 0;
					backward += (along < 0) ? 1 : 0;
				}
			}
			if (forward > 0 && backward == 0) {
				edges.add(new LaneGraph.Edge(edge.from(), edge.to(), true));
			}
			else if (backward > 0 && forward == 0) {
				edges.add(new LaneGraph.Edge(edge.to(), edge.from(), true));
			}
			else {
				edges.add(edge);
			}
		}
		return edges;
	}

	/**
	 * Read from the arrow drawn at the gap (within {@code reach}): pointing in, an entrance;
	 * out, an exit; both ways or none, both.
	 */
	private Entrance.Kind kind(Way way, double reach, double maxMark) {
		int r = (int) Math.ceil(reach);
		int cx = (int) Math.round(way.point().x());
		int cy = (int) Math.round(way.point().y());
		Map<Integer, List<Point>> marks = new HashMap<>();
		Set<Integer> cut = new HashSet<>();
		for (int y = cy - r; y <= cy + r; y++) {
			for (int x = cx - r; x <= cx + r; x++) {
				int label = this.inkLabels.isInBounds(x, y) ? this.inkLabels.get(x, y) : 0;
				if (label == 0) {
					continue;
				}
				if (Math.abs(x - cx) == r || Math.abs(y - cy) == r) {
					cut.add(label);
				}
				marks.computeIfAbsent(label, (k) -> new ArrayList<>()).add(new Point(x, y));
			}
		}
		for (var mark : marks.entrySet()) {
			if (cut.contains(mark.getKey()) || mark.getValue().size() > maxMark) {
				continue;
			}
			Optional<Arrow> arrow = Arrow.of(mark.getValue());
			if (arrow.isEmpty() || Math.abs(arrow.get().along(way.outX(), way.outY())) < 0.7) {
				continue;
			}
			if (arrow.get().bothWays()) {
				return Entrance.Kind.BOTH;
			}
			return (arrow.get().along(way.outX(), way.outY()) < 0) ? Entrance.Kind.ENTRANCE : Entrance.Kind.EXIT;
		}
		return Entrance.Kind.BOTH;
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
	private GrayU8 aisleFloor(Window window, List<Point> outline, List<Slot> slots, double slotArea,
			List<Arrow> arrows) {
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
		byte[] inside = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
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
		Map<Integer, List<Point>> marks = new HashMap<>();
		for (int i = 0; i < labels.data.length; i++) {
			if (labels.data[i] > 0 && size[labels.data[i]] < 0.3 * slotArea) {
				floor.data[i] = 1;
				marks.computeIfAbsent(labels.data[i], (k) -> new ArrayList<>())
					.add(new Point(window.x0 + i % window.width, window.y0 + i / window.width));
			}
		}
		marks.values().forEach((mark) -> Arrow.of(mark).ifPresent(arrows::add));
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
	private List<Way> openings(Window window, GrayU8 aisle, List<Point> outline, double minWidth) {
		List<Way> ways = new ArrayList<>();
		Point centre = Point.mean(outline);
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
						Point at = new Point(a.x() + (b.x() - a.x()) * mid, a.y() + (b.y() - a.y()) * mid);
						double out = Math.signum((at.x() - centre.x()) * nx + (at.y() - centre.y()) * ny);
						ways.add(new Way(at, out * nx, out * ny));
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

	/** Each {@code step} × {@code step} block set where at least half of it is set. */
	private static GrayU8 shrink(GrayU8 mask, int step) {
		if (step == 1) {
			return mask.clone();
		}
		GrayU8 small = new GrayU8(Math.max(1, mask.width / step), Math.max(1, mask.height / step));
		for (int by = 0; by < small.height; by++) {
			for (int bx = 0; bx < small.width; bx++) {
				int set = 0;
				for (int y = by * step; y < (by + 1) * step; y++) {
					for (int x = bx * step; x < (bx + 1) * step; x++) {
						set += mask.get(x, y);
					}
				}
				small.set(bx, by, (2 * set >= step * step) ? 1 : 0);
			}
		}
		return small;
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

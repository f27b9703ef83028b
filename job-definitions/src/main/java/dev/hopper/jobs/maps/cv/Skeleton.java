package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import boofcv.struct.image.GrayU8;

import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Point;

/**
 * A one-pixel-wide skeleton read as a graph: nodes where lines end or meet, edges along the
 * lines, bends kept as nodes too. Pixels touch across a corner only where no pixel beside
 * both does, so a staircase is a line, not a row of crossings.
 */
final class Skeleton {

	private final GrayU8 pixels;

	private final int offsetX;

	private final int offsetY;

	private final int scale;

	/** A skeleton whose pixel (x, y) stands for the block at {@code offset + scale × (x, y)}. */
	Skeleton(GrayU8 pixels, int offsetX, int offsetY, int scale) {
		this.pixels = pixels;
		this.offsetX = offsetX;
		this.offsetY = offsetY;
		this.scale = scale;
	}

	/**
	 * The graph after pruning spurs shorter than {@code minSpur} skeleton pixels, with paths
	 * straightened to within {@code bendTolerance} image pixels.
	 */
	LaneGraph graph(String levelId, double minSpur, double bendTolerance) {
		for (int round = 0; round < 6 && prune(minSpur); round++) {
			// pruning a spur can leave another behind it
		}
		Map<Integer, Integer> clusterOf = clusters();
		Map<Integer, String> nodeIds = new HashMap<>();
		List<LaneGraph.Node> nodes = new ArrayList<>();
		List<LaneGraph.Edge> edges = new ArrayList<>();
		Map<Integer, List<Integer>> members = new HashMap<>();
		clusterOf.forEach((pixel, cluster) -> members.computeIfAbsent(cluster, (k) -> new ArrayList<>()).add(pixel));
		members.forEach((cluster, list) -> {
			String id = levelId + "-n" + (nodes.size() + 1);
			nodeIds.put(cluster, id);
			nodes.add(new LaneGraph.Node(id, mean(list)));
		});
		Set<Integer> visited = new HashSet<>();
		Set<String> joined = new HashSet<>();
		for (int start : clusterOf.keySet()) {
			for (int next : neighbours(start)) {
				if (clusterOf.containsKey(next)) {
					int a = clusterOf.get(start);
					int b = clusterOf.get(next);
					if (a != b && joined.add(Math.min(a, b) + ":" + Math.max(a, b))) {
						edges.add(new LaneGraph.Edge(nodeIds.get(a), nodeIds.get(b), false));
					}
					continue;
				}
				if (visited.contains(next)) {
					continue;
				}
				List<Integer> path = new ArrayList<>(List.of(start));
				int previous = start;
				int current = next;
				while (!clusterOf.containsKey(current)) {
					visited.add(current);
					path.add(current);
					int from = previous;
					int step = -1;
					for (int n : neighbours(current)) {
						if (n != from && (clusterOf.containsKey(n) || !visited.contains(n))) {
							step = n;
							break;
						}
					}
					if (step < 0) {
						break;
					}
					previous = current;
					current = step;
				}
				if (!clusterOf.containsKey(current)) {
					continue;
				}
				path.add(current);
				addPath(path, nodeIds.get(clusterOf.get(start)), nodeIds.get(clusterOf.get(current)), bendTolerance,
						levelId, nodes, edges);
			}
		}
		return new LaneGraph(nodes, edges);
	}

	/** Removes spurs: runs from a free end to a crossing shorter than {@code minSpur}. */
	private boolean prune(double minSpur) {
		boolean pruned = false;
		for (int pixel = 0; pixel < this.pixels.data.length; pixel++) {
			if (this.pixels.data[pixel] == 0) {
				continue;
			}
			List<Integer> around = neighbours(pixel);
			if (around.isEmpty()) {
				this.pixels.data[pixel] = 0;
				continue;
			}
			if (around.size() != 1) {
				continue;
			}
			List<Integer> spur = new ArrayList<>(List.of(pixel));
			int previous = pixel;
			int current = around.get(0);
			while (neighbours(current).size() == 2 && spur.size() < minSpur + 2) {
				spur.add(current);
				int from = previous;
				previous = current;
				current = neighbours(current).stream().filter((n) -> n != from).findFirst().orElseThrow();
			}
			if (neighbours(current).size() >= 3 && spur.size() < minSpur) {
				spur.forEach((p) -> this.pixels.data[p] = 0);
				pruned = true;
			}
		}
		return pruned;
	}

	/** Ends and crossings (pixels with other than two neighbours), grouped where they touch. */
	private Map<Integer, Integer> clusters() {
		Map<Integer, Integer> clusterOf = new HashMap<>();
		for (int pixel = 0; pixel < this.pixels.data.length; pixel++) {
			if (this.pixels.data[pixel] != 0 && neighbours(pixel).size() != 2) {
				clusterOf.put(pixel, pixel);
			}
		}
		for (int pixel : new ArrayList<>(clusterOf.keySet())) {
			if (clusterOf.get(pixel) != pixel) {
				continue;
			}
			List<Integer> queue = new ArrayList<>(List.of(pixel));
			for (int i = 0; i < queue.size(); i++) {
				for (int n : neighbours(queue.get(i))) {
					if (clusterOf.containsKey(n) && clusterOf.get(n) != pixel) {
						clusterOf.put(n, pixel);
						queue.add(n);
					}
				}
			}
		}
		// a closed loop has no ends: any of its pixels will do
		Set<Integer> seen = new HashSet<>();
		for (int pixel = 0; pixel < this.pixels.data.length; pixel++) {
			if (this.pixels.data[pixel] == 0 || seen.contains(pixel)) {
				continue;
			}
			seen.add(pixel);
			List<Integer> part = new ArrayList<>(List.of(pixel));
			boolean hasNode = false;
			for (int i = 0; i < part.size(); i++) {
				hasNode |= clusterOf.containsKey(part.get(i));
				for (int n : neighbours(part.get(i))) {
					if (seen.add(n)) {
						part.add(n);
					}
				}
			}
			if (!hasNode) {
				clusterOf.put(pixel, pixel);
			}
		}
		return clusterOf;
	}

	/** Adds a traced path as edges, with a node at each bend that strays past the tolerance. */
	private void addPath(List<Integer> path, String from, String to, double tolerance, String levelId,
			List<LaneGraph.Node> nodes, List<LaneGraph.Edge> edges) {
		List<Point> points = path.stream().map(this::point).toList();
		List<Integer> keep = new ArrayList<>();
		if (from.equals(to)) {
			// a loop: split it at its farthest point so each half can be straightened
			int far = 0;
			for (int i = 0; i < points.size(); i++) {
				far = (points.get(i).distanceTo(points.get(0)) > points.get(far).distanceTo(points.get(0))) ? i : far;
			}
			if (far == 0) {
				return;
			}
			bends(points, 0, far, tolerance, keep);
			keep.add(far);
			bends(points, far, points.size() - 1, tolerance, keep);
		}
		else {
			bends(points, 0, points.size() - 1, tolerance, keep);
		}
		String previous = from;
		for (int index : keep) {
			String id = levelId + "-n" + (nodes.size() + 1);
			nodes.add(new LaneGraph.Node(id, points.get(index)));
			edges.add(new LaneGraph.Edge(previous, id, false));
			previous = id;
		}
		if (!previous.equals(to) || !keep.isEmpty()) {
			edges.add(new LaneGraph.Edge(previous, to, false));
		}
	}

	/** Douglas–Peucker: the inner points of {@code points[a..b]} the line must bend at. */
	private static void bends(List<Point> points, int a, int b, double tolerance, List<Integer> keep) {
		int worst = -1;
		double distance = tolerance;
		for (int i = a + 1; i < b; i++) {
			double d = distanceToLine(points.get(i), points.get(a), points.get(b));
			if (d > distance) {
				distance = d;
				worst = i;
			}
		}
		if (worst >= 0) {
			bends(points, a, worst, tolerance, keep);
			keep.add(worst);
			bends(points, worst, b, tolerance, keep);
		}
	}

	private static double distanceToLine(Point p, Point a, Point b) {
		double length = a.distanceTo(b);
		if (length == 0) {
			return p.distanceTo(a);
		}
		return Math.abs((b.x() - a.x()) * (a.y() - p.y()) - (a.x() - p.x()) * (b.y() - a.y())) / length;
	}

	/** The pixels joined to {@code pixel}; across a corner only where no pixel beside both is set. */
	private List<Integer> neighbours(int pixel) {
		int w = this.pixels.width;
		int x = pixel % w;
		int y = pixel / w;
		List<Integer> found = new ArrayList<>(4);
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				if ((dx == 0 && dy == 0) || !set(x + dx, y + dy)) {
					continue;
				}
				if (dx != 0 && dy != 0 && (set(x + dx, y) || set(x, y + dy))) {
					continue;
				}
				found.add((y + dy) * w + x + dx);
			}
		}
		return found;
	}

	private boolean set(int x, int y) {
		return this.pixels.isInBounds(x, y) && this.pixels.get(x, y) != 0;
	}

	private Point point(int pixel) {
		double half = (this.scale - 1) / 2.0;
		return new Point(this.offsetX + this.scale * (pixel % this.pixels.width) + half,
				this.offsetY + this.scale * (pixel / this.pixels.width) + half);
	}

	private Point mean(List<Integer> pixels) {
		return Point.mean(pixels.stream().map(this::point).toList());
	}

}

package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import org.jspecify.annotations.Nullable;

/**
 * Dashed and dotted lines made whole, so a stall drawn with dashes closes like one drawn
 * solid. A dash is a small mark, elongated or not (a thick short dash is nearly square);
 * what makes it part of a line is its neighbours: a run of at least {@value #RUN} marks
 * drawn alike, evenly spaced on one straight line, a gap between them no longer than a few
 * marks, is joined centre to centre. Marks far apart (stall lines 2.5 m from each other)
 * are not, nor the letters of a label: too few, or too unlike (an L and an E).
 */
final class DashJoiner {

	/**
	 * From one mark's centre to the next, over the two marks' half lengths: at most this. A
	 * dash pattern's gap is shorter than its dashes (about 3 for a gap half a dash long); the
	 * same letter in the labels of neighbouring stalls is a stall's width apart (6 or more).
	 */
	private static final double PERIOD = 2.2;

	/** Marks in a run, at least: a stall line 5 m long has four whole dashes or more. */
	private static final int RUN = 4;

	/** A solid rectangle fills all of the rectangle its moments give, an ellipse 0.79 of it. */
	private static final double SOLID = 0.7;

	private DashJoiner() {
	}

	/**
	 * The ink with dashed lines drawn through, painted dashes joined as wide as they are when
	 * {@code wide}; {@code ink} is not changed.
	 */
	static GrayU8 join(GrayU8 ink, double reach, boolean wide) {
		List<Dash> dashes = dashes(ink, 3 * reach);
		GrayU8 joined = ink.clone();
		double cell = 3 * reach;
		Map<Long, List<Dash>> grid = new HashMap<>();
		Map<Dash, Set<Dash>> drawn = new IdentityHashMap<>();
		for (Dash dash : dashes) {
			grid.computeIfAbsent(key((int) (dash.cx / cell), (int) (dash.cy / cell)), (k) -> new ArrayList<>()).add(dash);
		}
		for (Dash a : dashes) {
			for (Dash b : near(grid, cell, a.cx, a.cy)) {
				if (b == a || !a.alike(b) || a.distanceTo(b) > PERIOD * (a.size + b.size)) {
					continue;
				}
				List<Dash> run = run(ink, grid, cell, a, b);
				if (run.size() >= RUN) {
					for (int i = 1; i < run.size(); i++) {
						// every pair of a run starts the same run again: each join is drawn once
						if (drawn.computeIfAbsent(run.get(i - 1), (d) -> Collections.newSetFromMap(new IdentityHashMap<>()))
							.add(run.get(i))) {
							join(joined, run.get(i - 1), run.get(i), wide);
						}
					}
					// a line's end pieces are cut short, and it meets a wall or another line: on to the next ink
					extend(ink, joined, run.get(run.size() - 1), run.get(run.size() - 2));
					extend(ink, joined, run.get(0), run.get(1));
				}
			}
		}
		return joined;
	}

	/**
	 * From {@code a} through {@code b} on: each next mark alike, one step further on the same
	 * line. Where other ink stands in the next mark's place (a stall line crossing a dashed
	 * spine), a run of painted dashes goes on past it, a step further; the letters of words
	 * in a column of labels do not.
	 */
	private static List<Dash> run(GrayU8 ink, Map<Long, List<Dash>> grid, double cell, Dash a, Dash b) {
		List<Dash> run = new ArrayList<>(List.of(a, b));
		double stepX = b.cx - a.cx;
		double stepY = b.cy - a.cy;
		double step = Math.hypot(stepX, stepY);
		Dash last = b;
		while (run.size() < 64) {
			double x = last.cx + stepX;
			double y = last.cy + stepY;
			Dash next = markAt(grid, cell, a, x, y, 0.15 * step, run);
			if (next == null && a.dashOf(b) && b.dashOf(a) && inked(ink, x, y)) {
				next = markAt(grid, cell, a, x + stepX, y + stepY, 0.15 * step, run);
			}
			if (next == null) {
				return run;
			}
			run.add(next);
			last = next;
		}
		return run;
	}

	private static boolean inked(GrayU8 ink, double x, double y) {
		int px = (int) Math.round(x);
		int py = (int) Math.round(y);
		return inside(ink, px, py) && ink.unsafe_get(px, py) != 0;
	}

	/** A mark like {@code like} (not it, nor one {@code taken}) within {@code tolerance} of (x, y); null if none. */
	private static @Nullable Dash markAt(Map<Long, List<Dash>> grid, double cell, Dash like, double x, double y,
			double tolerance, List<Dash> taken) {
		for (Dash c : near(grid, cell, x, y)) {
			if (c != like && !taken.contains(c) && like.alike(c) && Math.hypot(c.cx - x, c.cy - y) <= tolerance) {
				return c;
			}
		}
		return null;
	}

	/** From {@code end} away from {@code before}, up to one step: a line to the first ink met past the end's own mark. */
	private static void extend(GrayU8 ink, GrayU8 joined, Dash end, Dash before) {
		double step = end.distanceTo(before);
		double ux = (end.cx - before.cx) / step;
		double uy = (end.cy - before.cy) / step;
		boolean left = false;
		for (double t = 0; t <= step; t += 0.5) {
			int x = (int) Math.round(end.cx + t * ux);
			int y = (int) Math.round(end.cy + t * uy);
			if (x < 0 || y < 0 || x >= ink.width || y >= ink.height) {
				return;
			}
			boolean inked = ink.unsafe_get(x, y) != 0;
			if (!inked) {
				left = true;
			}
			else if (left) {
				ToothCloser.line(joined, (int) Math.round(end.cx), (int) Math.round(end.cy), x, y);
				return;
			}
		}
	}

	private static List<Dash> near(Map<Long, List<Dash>> grid, double cell, double x, double y) {
		List<Dash> near = new ArrayList<>();
		int gx = (int) (x / cell);
		int gy = (int) (y / cell);
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				near.addAll(grid.getOrDefault(key(gx + dx, gy + dy), List.of()));
			}
		}
		return near;
	}

	/**
	 * Centre to centre, as wide as painted dashes: a thin join would thin into a line that
	 * forks at every dash, and a stall line read as many short ones has no tip to close a
	 * front from. Other marks (the letters of a row of labels) are joined thinly.
	 */
	private static void join(GrayU8 image, Dash a, Dash b, boolean wide) {
		double length = a.distanceTo(b);
		double nx = -(b.cy - a.cy) / length;
		double ny = (b.cx - a.cx) / length;
		double half = (wide && a.dashOf(b) && b.dashOf(a)) ? (Math.min(a.width(), b.width()) - 1) / 2 : 0;
		for (double o = -half; o <= half + 1e-9; o += 0.5) {
			int x0 = (int) Math.round(a.cx + o * nx);
			int y0 = (int) Math.round(a.cy + o * ny);
			int x1 = (int) Math.round(b.cx + o * nx);
			int y1 = (int) Math.round(b.cy + o * ny);
			if (inside(image, x0, y0) && inside(image, x1, y1)) {
				ToothCloser.line(image, x0, y0, x1, y1);
			}
		}
	}

	private static boolean inside(GrayU8 image, int x, int y) {
		return x >= 0 && y >= 0 && x < image.width && y < image.height;
	}

	private static long key(int x, int y) {
		return ((long) x << 32) ^ (y & 0xFFFFFFFFL);
	}

	/** Each small elongated mark, by the moments of its pixels. */
	private static List<Dash> dashes(GrayU8 ink, double largest) {
		GrayS32 labels = new GrayS32(ink.width, ink.height);
		int count = BinaryImageOps.contour(ink, ConnectRule.EIGHT, labels).size();
		double[][] m = new double[count + 1][6];
		for (int y = 0; y < ink.height; y++) {
			for (int x = 0; x < ink.width; x++) {
				int label = labels.unsafe_get(x, y);
				if (label > 0) {
					double[] s = m[label];
					s[0]++;
					s[1] += x;
					s[2] += y;
					s[3] += (double) x * x;
					s[4] += (double) y * y;
					s[5] += (double) x * y;
				}
			}
		}
		List<Dash> dashes = new ArrayList<>();
		for (int label = 1; label <= count; label++) {
			double[] s = m[label];
			if (s[0] < 3) {
				continue;
			}
			double cx = s[1] / s[0];
			double cy = s[2] / s[0];
			double xx = s[3] / s[0] - cx * cx;
			double yy = s[4] / s[0] - cy * cy;
			double xy = s[5] / s[0] - cx * cy;
			double mean = (xx + yy) / 2;
			double spread = Math.sqrt(Math.max(0, (xx - yy) * (xx - yy) / 4 + xy * xy));
			// half the long axis of a rectangle with these moments
			double size = Math.sqrt(3 * (mean + spread));
			double across = Math.sqrt(3 * Math.max(0, mean - spread));
			if (2 * size <= largest) {
				double angle = 0.5 * Math.atan2(2 * xy, xx - yy);
				dashes.add(new Dash(cx, cy, size, across, Math.cos(angle), Math.sin(angle), s[0],
						s[0] / Math.max(1, 4 * size * across)));
			}
		}
		return dashes;
	}

	/**
	 * A small mark: its centre, half its longest and shortest extents, the direction of the
	 * longest, its pixels, and how much of its rectangle they fill.
	 */
	private record Dash(double cx, double cy, double size, double across, double ux, double uy, double pixels,
			double fill) {

		double distanceTo(Dash other) {
			return Math.hypot(other.cx - this.cx, other.cy - this.cy);
		}

		/** Across the mark: its pixels over its length, at least one. */
		double width() {
			return Math.max(1, this.pixels / (2 * this.size));
		}

		/**
		 * A painted dash of a line going {@code toward}: solid, where a word or a pictogram has
		 * holes, and drawn out along the line, where a letter of a word is taller than it is wide.
		 */
		boolean dashOf(Dash toward) {
			double dx = toward.cx - this.cx;
			double dy = toward.cy - this.cy;
			double along = Math.abs(dx * this.ux + dy * this.uy) / Math.hypot(dx, dy);
			return this.fill >= SOLID && this.size >= 1.5 * this.across && along >= 0.9;
		}

		/** Of like size: the marks of one dashed line are drawn alike. */
		boolean alike(Dash other) {
			return this.pixels <= 1.3 * other.pixels && other.pixels <= 1.3 * this.pixels;
		}

	}

}

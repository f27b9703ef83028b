package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	private DashJoiner() {
	}

	/** The ink with dashed lines drawn through; {@code ink} is not changed. */
	static GrayU8 join(GrayU8 ink, double reach) {
		List<Dash> dashes = dashes(ink, 3 * reach);
		GrayU8 joined = ink.clone();
		double cell = 3 * reach;
		Map<Long, List<Dash>> grid = new HashMap<>();
		for (Dash dash : dashes) {
			grid.computeIfAbsent(key((int) (dash.cx / cell), (int) (dash.cy / cell)), (k) -> new ArrayList<>()).add(dash);
		}
		for (Dash a : dashes) {
			for (Dash b : near(grid, cell, a.cx, a.cy)) {
				if (b == a || !a.alike(b) || a.distanceTo(b) > PERIOD * (a.size + b.size)) {
					continue;
				}
				List<Dash> run = run(grid, cell, a, b);
				if (run.size() >= RUN) {
					for (int i = 1; i < run.size(); i++) {
						join(joined, run.get(i - 1), run.get(i));
					}
					// a line's end pieces are cut short, and it meets a wall or another line: on to the next ink
					extend(ink, joined, run.get(run.size() - 1), run.get(run.size() - 2));
					extend(ink, joined, run.get(0), run.get(1));
				}
			}
		}
		return joined;
	}

	/** From {@code a} through {@code b} on: each next mark alike, one step further on the same line. */
	private static List<Dash> run(Map<Long, List<Dash>> grid, double cell, Dash a, Dash b) {
		List<Dash> run = new ArrayList<>(List.of(a, b));
		double stepX = b.cx - a.cx;
		double stepY = b.cy - a.cy;
		double step = Math.hypot(stepX, stepY);
		Dash last = b;
		while (run.size() < 64) {
			Dash next = markAt(grid, cell, a, last.cx + stepX, last.cy + stepY, 0.15 * step, run);
			if (next == null) {
				return run;
			}
			run.add(next);
			last = next;
		}
		return run;
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

	private static void join(GrayU8 image, Dash a, Dash b) {
		ToothCloser.line(image, (int) Math.round(a.cx), (int) Math.round(a.cy), (int) Math.round(b.cx),
				(int) Math.round(b.cy));
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
			if (2 * size <= largest) {
				dashes.add(new Dash(cx, cy, size, s[0]));
			}
		}
		return dashes;
	}

	/** A small mark: its centre, half its longest extent, its pixels. */
	private record Dash(double cx, double cy, double size, double pixels) {

		double distanceTo(Dash other) {
			return Math.hypot(other.cx - this.cx, other.cy - this.cy);
		}

		/** Of like size: the marks of one dashed line are drawn alike. */
		boolean alike(Dash other) {
			return this.pixels <= 1.3 * other.pixels && other.pixels <= 1.3 * this.pixels;
		}

	}

}

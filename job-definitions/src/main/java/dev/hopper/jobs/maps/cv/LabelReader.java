package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import boofcv.struct.image.GrayU8;

import dev.hopper.jobs.maps.cv.LabelGrammar.Reading;
import dev.hopper.jobs.maps.cv.LabelGrammar.Shape;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * Reads the labels painted in stalls ("A01", "2B14"). Inside a stall, away from its lines,
 * the marks darker than its floor are found; a label is a run of marks side by side with
 * one cap height and one top line (digits and capitals share both), which the stall's
 * pictogram does not have. Each mark is matched against rendered glyphs ({@link Glyphs}).
 * One floor's labels are written one way, so the four directions along and across its rows
 * are each tried on every stall and the direction that reads best overall is kept. Marks
 * under {@link #MIN_CAP_HEIGHT} pixels, or any mark matching poorly, leave the stall unread.
 */
final class LabelReader {

	/** Below this many pixels tall, glyphs are guesses, not readings. */
	static final double MIN_CAP_HEIGHT = 7;

	/** The worst glyph match a reading may contain. */
	static final double MIN_SCORE = 0.6;

	private final GrayU8 gray;

	LabelReader(Raster raster) {
		this.gray = raster.gray();
	}

	/**
	 * Each stall's label, in the stalls' order (null where none was read), and how many
	 * stalls hold a line of marks of a legible size, read or not.
	 */
	Read read(List<Slot> slots) {
		if (slots.isEmpty()) {
			return new Read(List.of(), 0);
		}
		List<Stall> stalls = slots.stream().map(this::stall).toList();
		double rowAngle = SlotNames.rowAngle(slots);
		List<Label> best = null;
		double bestTotal = 0;
		int marked = 0;
		for (int k = 0; k < 4; k++) {
			double angle = rowAngle + k * Math.PI / 2;
			double total = 0;
			int lines = 0;
			List<Label> labels = new ArrayList<>();
			for (Stall stall : stalls) {
				double[][] glyphs = stall.glyphs(Math.cos(angle), Math.sin(angle));
				Reading alone = (glyphs != null) ? legible(LabelGrammar.best(glyphs)) : null;
				labels.add(new Label(glyphs, alone));
				total += (alone != null) ? alone.score() : 0;
				lines += (glyphs != null) ? 1 : 0;
			}
			marked = Math.max(marked, lines);
			if (total > bestTotal) {
				bestTotal = total;
				best = labels;
			}
		}
		return new Read((best != null) ? inTheFloorsShape(best) : Collections.nCopies(slots.size(), null), marked);
	}

	/** The labels read, one per stall (null: unread), and the number of stalls that hold label-like marks. */
	record Read(List<String> texts, int marked) {

		long legible() {
			return this.texts.stream().filter(java.util.Objects::nonNull).count();
		}

	}

	/** One stall's glyph scores (null: no label), and its legible reading on its own (or null). */
	private record Label(double[][] glyphs, Reading alone) {
	}

	/**
	 * The floor's labels share a shape or two: those that at least a third of its legible
	 * labels have (two levels read as one floor, "A01" and "2A01"). Each label is read again
	 * in the one of them it fits best, so a look-alike in one label ("801" among "B02",
	 * "B03") takes the class its position has everywhere else; a label that can take none
	 * (a glyph more or fewer) is left unread rather than named wrongly.
	 */
	private static List<String> inTheFloorsShape(List<Label> labels) {
		Map<Shape, Integer> shapes = new HashMap<>();
		int legible = 0;
		for (Label label : labels) {
			if (label.alone() != null) {
				shapes.merge(label.alone().shape(), 1, Integer::sum);
				legible++;
			}
		}
		int common = shapes.values().stream().max(Integer::compare).orElse(0);
		int least = Math.min(common, (int) Math.ceil(legible / 3.0));
		List<Shape> shared = shapes.entrySet().stream().filter((e) -> e.getValue() >= least).map(Map.Entry::getKey)
			.toList();
		List<String> texts = new ArrayList<>();
		for (Label label : labels) {
			Reading reading = null;
			for (Shape shape : (label.glyphs() != null) ? shared : List.<Shape>of()) {
				Reading candidate = legible(LabelGrammar.best(label.glyphs(), shape));
				if (candidate != null && (reading == null || LabelGrammar.weighed(candidate) > LabelGrammar.weighed(reading))) {
					reading = candidate;
				}
			}
			texts.add((reading != null) ? reading.text() : null);
		}
		return texts;
	}

	private static Reading legible(Reading reading) {
		return (reading != null && reading.score() >= MIN_SCORE) ? reading : null;
	}

	/** The marks inside one stall, with the brightness of its floor and of its darkest ink. */
	private Stall stall(Slot slot) {
		List<Point> quad = slot.polygon();
		double width = Geometry.width(quad);
		List<Point> inner = Geometry.grow(quad, -(1 + 0.1 * width));
		int x0 = Math.max(0, (int) Math.floor(inner.stream().mapToDouble(Point::x).min().orElse(0)));
		int y0 = Math.max(0, (int) Math.floor(inner.stream().mapToDouble(Point::y).min().orElse(0)));
		int x1 = Math.min(this.gray.width - 1, (int) Math.ceil(inner.stream().mapToDouble(Point::x).max().orElse(0)));
		int y1 = Math.min(this.gray.height - 1, (int) Math.ceil(inner.stream().mapToDouble(Point::y).max().orElse(0)));
		if (x1 <= x0 || y1 <= y0) {
			return new Stall(List.of(), 0, 0);
		}
		int w = x1 - x0 + 1;
		int h = y1 - y0 + 1;
		boolean[] inside = new boolean[w * h];
		int[] histogram = new int[256];
		int count = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (Geometry.contains(inner, new Point(x0 + x, y0 + y))) {
					inside[y * w + x] = true;
					histogram[this.gray.get(x0 + x, y0 + y)]++;
					count++;
				}
			}
		}
		int floor = percentile(histogram, count, 0.5);
		int ink = percentile(histogram, count, 0.005);
		if (floor - ink < 60) {
			return new Stall(List.of(), floor, ink);
		}
		int threshold = (floor + ink) / 2;
		boolean[] dark = new boolean[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				dark[y * w + x] = inside[y * w + x] && this.gray.get(x0 + x, y0 + y) < threshold;
			}
		}
		return new Stall(marks(dark, inside, w, h, x0, y0), floor, ink);
	}

	/** The 8-connected dark marks, less any touching the stall's inner edge (line ends, neighbours' ink). */
	private static List<int[]> marks(boolean[] dark, boolean[] inside, int w, int h, int x0, int y0) {
		List<int[]> marks = new ArrayList<>();
		boolean[] seen = new boolean[dark.length];
		int[] queue = new int[dark.length];
		for (int start = 0; start < dark.length; start++) {
			if (!dark[start] || seen[start]) {
				continue;
			}
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			seen[start] = true;
			boolean edge = false;
			while (head < tail) {
				int at = queue[head++];
				int x = at % w;
				int y = at / w;
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						int nx = x + dx;
						int ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= w || ny >= h || !inside[ny * w + nx]) {
							edge = true;
							continue;
						}
						int next = ny * w + nx;
						if (dark[next] && !seen[next]) {
							seen[next] = true;
							queue[tail++] = next;
						}
					}
				}
			}
			if (!edge && tail >= 4) {
				int[] pixels = new int[2 * tail];
				for (int i = 0; i < tail; i++) {
					pixels[2 * i] = x0 + queue[i] % w;
					pixels[2 * i + 1] = y0 + queue[i] / w;
				}
				marks.add(pixels);
			}
		}
		return marks;
	}

	private final class Stall {

		private final List<int[]> marks;

		private final int floor;

		private final int ink;

		Stall(List<int[]> marks, int floor, int ink) {
			this.marks = marks;
			this.floor = floor;
			this.ink = ink;
		}

		/** The glyph scores of the label read along (ex, ey), with up to its left; null if there is none. */
		double[][] glyphs(double ex, double ey) {
			double nx = -ey;
			double ny = ex;
			List<Box> boxes = new ArrayList<>();
			for (int[] mark : this.marks) {
				boxes.addAll(Box.of(mark, ex, ey, nx, ny).split());
			}
			List<Box> line = longestLine(boxes);
			if (line.size() < 2) {
				return null;
			}
			double[][] scores = new double[line.size()][];
			for (int i = 0; i < line.size(); i++) {
				Box box = line.get(i);
				scores[i] = Glyphs.scores(ink(box, ex, ey, nx, ny), box.width() / box.height());
			}
			return scores;
		}

		/** The longest run of boxes of one cap height on one top line, each near the next. */
		private static List<Box> longestLine(List<Box> boxes) {
			List<Box> best = List.of();
			for (Box seed : boxes) {
				double h = seed.height();
				if (h < MIN_CAP_HEIGHT) {
					continue;
				}
				double tolerance = 0.15 * h + 1;
				List<Box> peers = new ArrayList<>(boxes.stream()
					.filter((b) -> Math.abs(b.height() - h) <= tolerance && Math.abs(b.b0 - seed.b0) <= tolerance)
					.toList());
				peers.sort((a, b) -> Double.compare(a.a0, b.a0));
				int at = peers.indexOf(seed);
				int first = at;
				while (first > 0 && peers.get(first).a0 - peers.get(first - 1).a1 <= 0.8 * h) {
					first--;
				}
				int last = at;
				while (last < peers.size() - 1 && peers.get(last + 1).a0 - peers.get(last).a1 <= 0.8 * h) {
					last++;
				}
				List<Box> run = peers.subList(first, last + 1);
				if (run.size() > best.size()) {
					best = List.copyOf(run);
				}
			}
			return best;
		}

		/** The box's ink (0 floor, 1 darkest ink) sampled on the glyph grid, in reading orientation. */
		private float[] ink(Box box, double ex, double ey, double nx, double ny) {
			float[] grid = new float[Glyphs.WIDTH * Glyphs.HEIGHT];
			double span = Math.max(1, this.floor - this.ink);
			for (int j = 0; j < Glyphs.HEIGHT; j++) {
				double b = box.b0 - 0.5 + Glyphs.along(j, Glyphs.HEIGHT) * box.height();
				for (int i = 0; i < Glyphs.WIDTH; i++) {
					double a = box.a0 - 0.5 + Glyphs.along(i, Glyphs.WIDTH) * box.width();
					double value = brightness(a * ex + b * nx, a * ey + b * ny);
					grid[j * Glyphs.WIDTH + i] = (float) Math.max(0, Math.min(1, (this.floor - value) / span));
				}
			}
			return grid;
		}

	}

	/** A mark's extent along the reading direction (a) and down across it (b), in pixels. */
	private record Box(int[] pixels, double a0, double a1, double b0, double b1, double ex, double ey) {

		static Box of(int[] pixels, double ex, double ey, double nx, double ny) {
			double a0 = Double.MAX_VALUE;
			double a1 = -Double.MAX_VALUE;
			double b0 = Double.MAX_VALUE;
			double b1 = -Double.MAX_VALUE;
			for (int i = 0; i < pixels.length; i += 2) {
				double a = pixels[i] * ex + pixels[i + 1] * ey;
				double b = pixels[i] * nx + pixels[i + 1] * ny;
				a0 = Math.min(a0, a);
				a1 = Math.max(a1, a);
				b0 = Math.min(b0, b);
				b1 = Math.max(b1, b);
			}
			return new Box(pixels, a0, a1, b0, b1, ex, ey);
		}

		double width() {
			return this.a1 - this.a0 + 1;
		}

		double height() {
			return this.b1 - this.b0 + 1;
		}

		/**
		 * Glyphs that touch come out as one mark wider than any character; it is cut where
		 * the fewest of its pixels stand, near where equal-width characters would meet.
		 */
		List<Box> split() {
			double h = height();
			if (width() <= 1.15 * h) {
				return List.of(this);
			}
			int parts = Math.max(2, (int) Math.round(width() / (0.75 * h)));
			int bins = (int) Math.ceil(width());
			int[] columns = new int[bins];
			for (int i = 0; i < this.pixels.length; i += 2) {
				columns[column(this.pixels[i], this.pixels[i + 1], bins)]++;
			}
			List<Integer> cuts = new ArrayList<>();
			for (int p = 1; p < parts; p++) {
				int centre = (int) Math.round(p * width() / parts);
				int reach = (int) Math.max(1, 0.2 * h);
				int cut = centre;
				for (int c = Math.max(1, centre - reach); c <= Math.min(bins - 2, centre + reach); c++) {
					if (columns[c] < columns[cut]) {
						cut = c;
					}
				}
				cuts.add(cut);
			}
			Map<Integer, List<Integer>> pieces = new HashMap<>();
			for (int i = 0; i < this.pixels.length; i += 2) {
				int c = column(this.pixels[i], this.pixels[i + 1], bins);
				int piece = 0;
				while (piece < cuts.size() && c >= cuts.get(piece)) {
					piece++;
				}
				pieces.computeIfAbsent(piece, (k) -> new ArrayList<>()).add(i);
			}
			double nx = -this.ey;
			double ny = this.ex;
			List<Box> boxes = new ArrayList<>();
			pieces.values().forEach((indexes) -> {
				int[] part = new int[2 * indexes.size()];
				for (int k = 0; k < indexes.size(); k++) {
					part[2 * k] = this.pixels[indexes.get(k)];
					part[2 * k + 1] = this.pixels[indexes.get(k) + 1];
				}
				boxes.add(Box.of(part, this.ex, this.ey, nx, ny));
			});
			return boxes;
		}

		private int column(int x, int y, int bins) {
			return Math.min(bins - 1, (int) (x * this.ex + y * this.ey - this.a0));
		}

	}

	private double brightness(double x, double y) {
		double cx = Math.max(0, Math.min(this.gray.width - 1.0001, x));
		double cy = Math.max(0, Math.min(this.gray.height - 1.0001, y));
		int ix = (int) cx;
		int iy = (int) cy;
		double fx = cx - ix;
		double fy = cy - iy;
		double top = this.gray.get(ix, iy) * (1 - fx) + this.gray.get(ix + 1, iy) * fx;
		double bottom = this.gray.get(ix, iy + 1) * (1 - fx) + this.gray.get(ix + 1, iy + 1) * fx;
		return top * (1 - fy) + bottom * fy;
	}

	private static int percentile(int[] histogram, int count, double fraction) {
		int target = (int) (fraction * count);
		int seen = 0;
		for (int v = 0; v < histogram.length; v++) {
			seen += histogram[v];
			if (seen > target) {
				return v;
			}
		}
		return 255;
	}

}

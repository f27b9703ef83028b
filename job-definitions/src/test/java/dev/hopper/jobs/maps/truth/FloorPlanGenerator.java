package dev.hopper.jobs.maps.truth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * Draws synthetic garage floor plans together with their exact ground truth in the result
 * schema. A level is laid out in metres (stalls 2.5 × 5 m, aisles 6.5 m): a row of stalls
 * along the top wall, a back-to-back double row, a row along the bottom wall, aisles
 * between them joined at both ends, an entrance and an exit as gaps in the outer wall.
 * Everything drawn goes through one transform (scale, rotation, placement), and the truth
 * goes through the same one; photographed plans then go through a perspective warp too.
 * A varying generator also draws each plan's lines, labels and clutter as the seed picks
 * ({@link Strokes}): what real plans differ in beyond their palette.
 */
public final class FloorPlanGenerator {

	static final double STALL_WIDTH = 2.5;

	static final double STALL_DEPTH = 5.0;

	static final double AISLE = 6.5;

	private static final double WALL = 0.35;

	private static final double LEVEL_GAP = 9.0;

	private static final double MARGIN = 4.0;

	private final double pixelsPerMetre;

	private final boolean varied;

	public FloorPlanGenerator() {
		this(12.0);
	}

	public FloorPlanGenerator(double pixelsPerMetre) {
		this(pixelsPerMetre, false);
	}

	/** With {@code varied}, each plan's strokes, font and clutter are picked from its seed. */
	public FloorPlanGenerator(double pixelsPerMetre, boolean varied) {
		this.pixelsPerMetre = pixelsPerMetre;
		this.varied = varied;
	}

	/**
	 * How a plan's lines, labels and clutter are drawn beyond its style's palette.
	 *
	 * @param lineScale stall lines and walls this many times their usual width (1–10 px)
	 * @param dashed stall lines dashed
	 * @param doubled stall lines drawn as two thin parallel lines
	 * @param font the labels' font family
	 * @param grid a survey grid of thin pale lines across the whole plan, which are not stalls
	 * @param pillars pillars standing in the double row's spine
	 */
	public record Strokes(double lineScale, boolean dashed, boolean doubled, String font, boolean grid,
			boolean pillars) {

		static final Strokes PLAIN = new Strokes(1, false, false, Font.SANS_SERIF, false, false);

		static Strokes pick(Random random) {
			String[] fonts = { Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG };
			return new Strokes(0.6 + 2.4 * random.nextDouble(), random.nextDouble() < 0.25,
					random.nextDouble() < 0.2, fonts[random.nextInt(fonts.length)], random.nextDouble() < 0.3,
					random.nextDouble() < 0.3);
		}

		public String name() {
			return String.format("lines×%.1f%s%s%s%s, %s", this.lineScale, this.dashed ? ", dashed" : "",
					this.doubled ? ", doubled" : "", this.grid ? ", grid" : "", this.pillars ? ", pillars" : "",
					this.font.toLowerCase());
		}

	}

	public GeneratedPlan generate(PlanSpec spec) {
		Random random = new Random(spec.seed());
		int stalls = 10 + random.nextInt(5);
		double angle = Math.toRadians(spec.slotAngleDegrees());
		double spacing = STALL_WIDTH / Math.sin(angle);
		double slant = STALL_DEPTH / Math.tan(angle);
		double levelWidth = 2 * AISLE + stalls * spacing + slant;
		double levelHeight = 4 * STALL_DEPTH + 2 * AISLE;
		double planWidth = spec.levels() * levelWidth + (spec.levels() - 1) * LEVEL_GAP;

		AffineTransform toImage = placement(spec, planWidth, levelHeight);
		Rectangle2D bounds = toImage.createTransformedShape(new Rectangle2D.Double(-MARGIN, -MARGIN,
				planWidth + 2 * MARGIN, levelHeight + 2 * MARGIN)).getBounds2D();
		toImage.preConcatenate(AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY()));
		int width = (int) Math.ceil(bounds.getWidth());
		int height = (int) Math.ceil(bounds.getHeight());

		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		Palette palette = Palette.of(spec.style());
		g.setColor(palette.paper);
		g.fillRect(0, 0, width, height);
		// picked from a stream of its own, so a plain plan and its varied twin share their layout;
		// mixed first, since Random's first draws for neighbouring seeds are nearly equal
		Strokes strokes = this.varied ? Strokes.pick(new Random(new java.util.SplittableRandom(spec.seed()).nextLong()))
				: Strokes.PLAIN;
		Pen pen = new Pen(g, toImage, palette, spec.style() == PlanSpec.Style.SKETCH ? random : null, strokes);

		List<Level> levels = new ArrayList<>();
		for (int l = 0; l < spec.levels(); l++) {
			double x0 = l * (levelWidth + LEVEL_GAP);
			levels.add(drawLevel(pen, "L" + (l + 1), l, x0, stalls, spacing, slant, angle, levelWidth, levelHeight,
					random));
		}
		if (strokes.grid()) {
			pen.grid(-MARGIN, -MARGIN, planWidth + 2 * MARGIN, levelHeight + 2 * MARGIN);
		}
		g.dispose();
		ParkingMap truth = new ParkingMap(width, height, levels, ParkingMap.Parser.cv(), null);
		GeneratedPlan plan = new GeneratedPlan(spec, strokes, image, Truths.mapPoints(truth, (p) -> {
			Point2D mapped = toImage.transform(new Point2D.Double(p.x(), p.y()), null);
			return new Point(mapped.getX(), mapped.getY());
		}));
		return spec.photographed() ? Photograph.of(plan, random) : plan;
	}

	private AffineTransform placement(PlanSpec spec, double planWidth, double levelHeight) {
		AffineTransform transform = new AffineTransform();
		transform.rotate(Math.toRadians(spec.rotationDegrees()));
		transform.scale(this.pixelsPerMetre, this.pixelsPerMetre);
		transform.translate(-planWidth / 2, -levelHeight / 2);
		return transform;
	}

	private Level drawLevel(Pen pen, String id, int index, double x0, int stalls, double spacing, double slant,
			double angle, double width, double height, Random random) {
		double d = STALL_DEPTH;
		double aisle1 = d + AISLE / 2;
		double aisle2 = 3 * d + 1.5 * AISLE;
		double rowStart = x0 + AISLE;

		pen.floor(x0, 0, width, height);
		// the outer wall, with a gap where each aisle meets the entrance or exit
		List<Entrance> entrances = new ArrayList<>();
		boolean both = index > 0;
		pen.wall(x0, 0, x0 + width, 0);
		pen.wall(x0, height, x0 + width, height);
		pen.wall(x0, 0, x0, d);
		pen.wall(x0, d + AISLE, x0, height);
		entrances.add(new Entrance(id + "-E1", both ? Entrance.Kind.BOTH : Entrance.Kind.ENTRANCE,
				new Point(x0, aisle1)));
		pen.entranceArrow(x0, aisle1, both ? 0 : 1);
		if (both) {
			pen.wall(x0 + width, 0, x0 + width, height);
		}
		else {
			pen.wall(x0 + width, 0, x0 + width, 3 * d + AISLE);
			pen.wall(x0 + width, 3 * d + 2 * AISLE, x0 + width, height);
			entrances.add(new Entrance(id + "-E2", Entrance.Kind.EXIT, new Point(x0 + width, aisle2)));
			pen.entranceArrow(x0 + width, aisle2, 1);
		}

		List<Slot> slots = new ArrayList<>();
		String prefix = index == 0 ? "" : "2";
		slots.addAll(pen.row(prefix + "A", rowStart, 0, stalls, spacing, slant, d, 1, random, 2, 0));
		slots.addAll(pen.row(prefix + "B", rowStart, 2 * d + AISLE, stalls, spacing, slant, -d, 0, random, 0, 0));
		slots.addAll(pen.row(prefix + "C", rowStart, 2 * d + AISLE, stalls, spacing, slant, d, 0, random, 0, 2));
		slots.addAll(pen.row(prefix + "D", rowStart, height, stalls, spacing, slant, -d, 1, random, 1, 3));
		pen.line(rowStart, 2 * d + AISLE, rowStart + stalls * spacing, 2 * d + AISLE);
		pen.pillars(rowStart, 2 * d + AISLE, stalls, spacing);

		// aisle 1 is one-way, left to right, and says so with arrows
		for (double x = x0 + AISLE + 4; x < x0 + width - AISLE - 4; x += 12) {
			pen.laneArrow(x, aisle1);
		}
		String l1 = id + "-n1";
		String r1 = id + "-n2";
		String l2 = id + "-n3";
		String r2 = id + "-n4";
		List<LaneGraph.Node> nodes = new ArrayList<>(List.of(new LaneGraph.Node(l1, new Point(x0 + AISLE / 2, aisle1)),
				new LaneGraph.Node(r1, new Point(x0 + width - AISLE / 2, aisle1)),
				new LaneGraph.Node(l2, new Point(x0 + AISLE / 2, aisle2)),
				new LaneGraph.Node(r2, new Point(x0 + width - AISLE / 2, aisle2))));
		List<LaneGraph.Edge> edges = new ArrayList<>(List.of(new LaneGraph.Edge(l1, r1, true),
				new LaneGraph.Edge(l1, l2, false), new LaneGraph.Edge(r1, r2, false), new LaneGraph.Edge(l2, r2, false)));
		for (Entrance entrance : entrances) {
			String node = entrance.id() + "-n";
			nodes.add(new LaneGraph.Node(node, entrance.point()));
			boolean exit = entrance.kind() == Entrance.Kind.EXIT;
			String inner = exit ? r2 : l1;
			edges.add(exit ? new LaneGraph.Edge(inner, node, true)
					: new LaneGraph.Edge(node, inner, entrance.kind() == Entrance.Kind.ENTRANCE));
		}
		pen.text("LEVEL " + (index + 1), x0 + width / 2, -1.6, 1.6);
		return new Level(id, slots, new LaneGraph(nodes, edges), entrances);
	}

	/** The plan image, its truth, and how it was made. */
	public record GeneratedPlan(PlanSpec spec, Strokes strokes, BufferedImage image, ParkingMap truth) {
	}

	private record Palette(Color paper, Color floor, Color ink, Color disabledFill, Color evFill, Color disabledIcon,
			Color evIcon) {

		static Palette of(PlanSpec.Style style) {
			return switch (style) {
				case CAD -> new Palette(Color.WHITE, null, Color.BLACK, null, null, Color.BLACK, Color.BLACK);
				case COLOURED -> new Palette(new Color(250, 250, 245), new Color(222, 226, 232), new Color(40, 40, 60),
						new Color(150, 190, 245), new Color(160, 225, 165), new Color(20, 60, 170), new Color(20, 120, 40));
				case SKETCH -> new Palette(new Color(246, 242, 230), null, new Color(35, 35, 45), null, null,
						new Color(35, 35, 45), new Color(35, 35, 45));
				case DARK -> new Palette(new Color(44, 46, 50), new Color(62, 64, 68), new Color(238, 238, 228),
						new Color(30, 90, 200), new Color(25, 135, 65), new Color(245, 245, 245), new Color(245, 245, 245));
			};
		}

	}

	/** Draws in plan metres through the image transform; a sketch pen wobbles. */
	private static final class Pen {

		private final Graphics2D g;

		private final AffineTransform toImage;

		private final Palette palette;

		private final Random wobble;

		private final double scale;

		private final Strokes strokes;

		Pen(Graphics2D g, AffineTransform toImage, Palette palette, Random wobble, Strokes strokes) {
			this.g = g;
			this.toImage = toImage;
			this.palette = palette;
			this.wobble = wobble;
			this.strokes = strokes;
			this.scale = Math.sqrt(Math.abs(toImage.getDeterminant()));
		}

		/** Pale survey lines every 5 m across everything, drawn last, as a CAD export's grid layer. */
		void grid(double x0, double y0, double w, double h) {
			Color pale = blend(this.palette.ink, this.palette.paper, 0.55);
			for (double x = x0; x <= x0 + w; x += 5) {
				stroke(new Line2D.Double(x, y0, x, y0 + h), pale, 0.05, null);
			}
			for (double y = y0; y <= y0 + h; y += 5) {
				stroke(new Line2D.Double(x0, y, x0 + w, y), pale, 0.05, null);
			}
		}

		/** Square pillars on the double row's spine, every fourth stall line. */
		void pillars(double x0, double spine, int stalls, double spacing) {
			if (!this.strokes.pillars()) {
				return;
			}
			for (int i = 2; i < stalls; i += 4) {
				fill(new Rectangle2D.Double(x0 + i * spacing - 0.3, spine - 0.3, 0.6, 0.6), this.palette.ink);
			}
		}

		private static Color blend(Color a, Color b, double towardB) {
			return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * towardB),
					(int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * towardB),
					(int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * towardB));
		}

		void floor(double x, double y, double w, double h) {
			if (this.palette.floor != null) {
				fill(new Rectangle2D.Double(x, y, w, h), this.palette.floor);
			}
		}

		void wall(double x1, double y1, double x2, double y2) {
			stroke(new Line2D.Double(x1, y1, x2, y2), this.palette.ink, WALL * Math.max(1, this.strokes.lineScale()),
					null);
		}

		/** A stall line: as the plan's strokes say, plain, dashed or doubled. */
		void line(double x1, double y1, double x2, double y2) {
			double width = 0.12 * this.strokes.lineScale();
			float[] dashes = this.strokes.dashed() ? new float[] { (float) (0.6 * this.scale), (float) (0.35 * this.scale) }
					: null;
			if (!this.strokes.doubled()) {
				stroke(new Line2D.Double(x1, y1, x2, y2), this.palette.ink, width, dashes);
				return;
			}
			double length = Math.hypot(x2 - x1, y2 - y1);
			double nx = -(y2 - y1) / length * 0.12;
			double ny = (x2 - x1) / length * 0.12;
			stroke(new Line2D.Double(x1 + nx, y1 + ny, x2 + nx, y2 + ny), this.palette.ink, width * 0.6, dashes);
			stroke(new Line2D.Double(x1 - nx, y1 - ny, x2 - nx, y2 - ny), this.palette.ink, width * 0.6, dashes);
		}

		/**
		 * A row of stalls whose back edge runs along y = {@code back}; {@code depth} is
		 * signed (down is positive). The teeth are drawn, the back is a wall or the
		 * double row's spine, and the front stays open to the aisle, as on real plans.
		 */
		List<Slot> row(String name, double x0, double back, int stalls, double spacing, double slant, double depth,
				int disabledFrom, Random random, int disabled, int ev) {
			List<Slot> slots = new ArrayList<>();
			double dx = slant;
			int evStart = stalls - ev;
			for (int i = 0; i < stalls; i++) {
				double bx = x0 + i * spacing;
				List<Point> corners = List.of(new Point(bx, back), new Point(bx + spacing, back),
						new Point(bx + spacing + dx, back + depth), new Point(bx + dx, back + depth));
				SlotType type = (i >= disabledFrom && i < disabledFrom + disabled) ? SlotType.DISABLED
						: (i >= evStart) ? SlotType.EV : SlotType.REGULAR;
				slots.add(new Slot(name + String.format("%02d", i + 1), type, corners));
			}
			// fills first, lines over them, then icons and labels, as plans are drawn
			slots.forEach((slot) -> fillReserved(slot));
			for (int i = 0; i <= stalls; i++) {
				double bx = x0 + i * spacing;
				line(bx, back, bx + dx, back + depth);
			}
			for (Slot slot : slots) {
				Point center = slot.center();
				Point backMiddle = between(slot.polygon().get(0), slot.polygon().get(1), 0.5);
				icon(slot.type(), between(center, backMiddle, -0.35));
				Point label = between(center, backMiddle, 0.45);
				// labels fit inside their stall, as drawn plans keep them
				text(slot.id(), label.x(), label.y(), 0.85, 0.5 * STALL_WIDTH);
			}
			return slots;
		}

		private void fillReserved(Slot slot) {
			Color fill = switch (slot.type()) {
				case DISABLED -> this.palette.disabledFill;
				case EV -> this.palette.evFill;
				case REGULAR -> null;
			};
			if (fill != null) {
				List<Point> corners = slot.polygon();
				Path2D.Double outline = new Path2D.Double();
				outline.moveTo(corners.get(0).x(), corners.get(0).y());
				for (Point corner : corners.subList(1, 4)) {
					outline.lineTo(corner.x(), corner.y());
				}
				outline.closePath();
				fill(outline, fill);
			}
		}

		private void icon(SlotType type, Point at) {
			if (type == SlotType.REGULAR) {
				return;
			}
			Color ink = (type == SlotType.DISABLED) ? this.palette.disabledIcon : this.palette.evIcon;
			if (type == SlotType.DISABLED) {
				// the wheelchair: a wheel, a head, a back and a seat, kept clear of the stall lines
				double k = 0.85;
				stroke(new Ellipse2D.Double(at.x() - 0.55 * k, at.y() - 0.2 * k, 1.1 * k, 1.1 * k), ink, 0.16, null);
				fill(new Ellipse2D.Double(at.x() - 0.2 * k, at.y() - 1.15 * k, 0.4 * k, 0.4 * k), ink);
				stroke(new Line2D.Double(at.x(), at.y() - 0.7 * k, at.x(), at.y() + 0.15 * k), ink, 0.16, null);
				stroke(new Line2D.Double(at.x(), at.y() + 0.15 * k, at.x() + 0.45 * k, at.y() + 0.15 * k), ink, 0.16,
						null);
			}
			else {
				// a lightning bolt
				Path2D.Double bolt = new Path2D.Double();
				double[][] points = { { 0.25, -1.0 }, { -0.45, 0.15 }, { -0.02, 0.15 }, { -0.3, 1.0 }, { 0.45, -0.2 },
						{ 0.02, -0.2 } };
				bolt.moveTo(at.x() + points[0][0], at.y() + points[0][1]);
				for (double[] p : points) {
					bolt.lineTo(at.x() + p[0], at.y() + p[1]);
				}
				bolt.closePath();
				fill(bolt, ink);
			}
		}

		void laneArrow(double x, double y) {
			Path2D.Double arrow = new Path2D.Double();
			arrow.moveTo(x - 1.4, y - 0.25);
			arrow.lineTo(x + 0.3, y - 0.25);
			arrow.lineTo(x + 0.3, y - 0.7);
			arrow.lineTo(x + 1.4, y);
			arrow.lineTo(x + 0.3, y + 0.7);
			arrow.lineTo(x + 0.3, y + 0.25);
			arrow.lineTo(x - 1.4, y + 0.25);
			arrow.closePath();
			fill(arrow, this.palette.ink);
		}

		/** An arrow across a wall gap: 1 points into the plan from the left wall or out of it on the right. */
		void entranceArrow(double x, double y, int oneWay) {
			double outside = (x < 1e-9 || oneWay == 0) ? -2.5 : 2.5;
			stroke(new Line2D.Double(x + outside - 1.2, y, x + outside + 1.2, y), this.palette.ink, 0.2, null);
			arrowHead(x + outside + 1.2, y, 1);
			if (oneWay == 0) {
				arrowHead(x + outside - 1.2, y, -1);
			}
		}

		private void arrowHead(double x, double y, int direction) {
			Path2D.Double head = new Path2D.Double();
			head.moveTo(x + direction * 0.7, y);
			head.lineTo(x, y - 0.6);
			head.lineTo(x, y + 0.6);
			head.closePath();
			fill(head, this.palette.ink);
		}

		void text(String text, double x, double y, double heightMetres) {
			text(text, x, y, heightMetres, Double.MAX_VALUE);
		}

		void text(String text, double x, double y, double heightMetres, double maxWidthMetres) {
			AffineTransform saved = this.g.getTransform();
			Point2D at = this.toImage.transform(new Point2D.Double(x, y), null);
			double rotation = Math.atan2(this.toImage.getShearY(), this.toImage.getScaleX());
			this.g.translate(at.getX(), at.getY());
			this.g.rotate(rotation);
			float size = (float) (heightMetres * this.scale);
			this.g.setFont(new Font(this.strokes.font(), Font.BOLD, Math.max(6, Math.round(size))));
			int w = this.g.getFontMetrics().stringWidth(text);
			if (w > maxWidthMetres * this.scale) {
				size = (float) (size * maxWidthMetres * this.scale / w);
				this.g.setFont(new Font(this.strokes.font(), Font.BOLD, Math.max(6, Math.round(size))));
				w = this.g.getFontMetrics().stringWidth(text);
			}
			this.g.setColor(this.palette.ink);
			this.g.drawString(text, -w / 2f, size * 0.38f);
			this.g.setTransform(saved);
		}

		private void stroke(Shape shape, Color color, double widthMetres, float[] dashes) {
			Shape drawn = this.toImage.createTransformedShape(jitter(shape));
			this.g.setColor(color);
			double width = widthMetres * this.scale;
			if (this.wobble != null) {
				width *= 0.8 + 0.5 * this.wobble.nextDouble();
			}
			this.g.setStroke(new BasicStroke((float) Math.max(1.0, width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
					10f, dashes, 0f));
			this.g.draw(drawn);
		}

		private void fill(Shape shape, Color color) {
			this.g.setColor(color);
			this.g.fill(this.toImage.createTransformedShape(shape));
		}

		/** A sketched line bows a little and overshoots its ends; other shapes stay as drawn. */
		private Shape jitter(Shape shape) {
			if (this.wobble == null || !(shape instanceof Line2D line)) {
				return shape;
			}
			double dx = line.getX2() - line.getX1();
			double dy = line.getY2() - line.getY1();
			double length = Math.hypot(dx, dy);
			double bow = (this.wobble.nextDouble() - 0.5) * 0.02 * length;
			double over = 0.08 * this.wobble.nextDouble();
			Path2D.Double path = new Path2D.Double();
			path.moveTo(line.getX1() - dx * over / length, line.getY1() - dy * over / length);
			path.quadTo((line.getX1() + line.getX2()) / 2 - dy / length * bow,
					(line.getY1() + line.getY2()) / 2 + dx / length * bow, line.getX2() + dx * over / length,
					line.getY2() + dy * over / length);
			return path;
		}

		private static Point between(Point from, Point to, double fraction) {
			return new Point(from.x() + (to.x() - from.x()) * fraction, from.y() + (to.y() - from.y()) * fraction);
		}

	}

}

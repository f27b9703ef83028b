package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.List;

import boofcv.struct.image.GrayU8;

import dev.hopper.jobs.maps.plan.Confidence;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * How sure the CV parser is. A stall is sure when its region is a clean quadrilateral, of
 * the size its floor's stalls share, with neighbours on both sides. A plan is sure when its
 * line work is explained by the stalls found (missed stalls leave their lines outside every
 * outline), its levels' aisles close into lanes with a way in, and label-like marks read.
 */
final class Certainty {

	/**
	 * The share of the line work inside stalls (their outlines grown by a quarter of a
	 * stall's width) from which a plan counts as fully explained, and the share at which
	 * nothing is. On generated plans read right it was 0.62–0.90 (walls, arrows and titles
	 * make up the rest); read with F1 under 0.9, 0.00–0.68.
	 */
	static final double EXPLAINED = 0.7;

	static final double UNEXPLAINED = 0.45;

	private Certainty() {
	}

	/** Each found stall's confidence, in the order found. */
	static List<Double> slots(SlotFinder.Regions regions) {
		List<SlotFinder.Found> found = regions.slots();
		if (found.isEmpty()) {
			return List.of();
		}
		List<List<Point>> quads = found.stream().map(SlotFinder.Found::quad).toList();
		double median = quads.stream().mapToDouble(Geometry::area).sorted().toArray()[quads.size() / 2];
		List<Double> confidences = new ArrayList<>();
		for (SlotFinder.Found f : found) {
			double shape = 0.6 + 0.4 * clamp((f.fit() - regions.minFit()) / (0.99 - regions.minFit()));
			double size = 1 - 0.5 * clamp(Math.abs(Math.log(Geometry.area(f.quad()) / median)) / Math.log(2));
			double row = (SlotFinder.twinsOf(f.quad(), quads) >= 2) ? 1 : 0.9;
			confidences.add(shape * size * row);
		}
		return confidences;
	}

	/** A level's confidence, and the doubts about it, added to {@code doubts}. */
	static double level(Level level, LabelReader.Read labels, List<Confidence.Doubt> doubts) {
		List<Slot> slots = level.slots();
		if (slots.isEmpty()) {
			return 0;
		}
		double score = slots.stream().mapToDouble((s) -> (s.confidence() != null) ? s.confidence() : 1).average().orElse(0);
		if (score < 0.75) {
			doubts.add(new Confidence.Doubt(Confidence.IRREGULAR_STALLS, level.id(), String.format(
					"the stalls found differ in shape or size, or stand alone (mean confidence %.2f)", score)));
		}
		if (level.lanes().edges().isEmpty() || level.entrances().isEmpty()) {
			score *= 0.8;
			doubts.add(new Confidence.Doubt(Confidence.OPEN_GEOMETRY, level.id(),
					level.lanes().edges().isEmpty() ? "no aisle was traced between the stalls"
							: "no way in or out was found in the level's outline"));
		}
		if (labels.marked() >= Math.max(3, 0.3 * slots.size()) && labels.legible() < 0.5 * labels.marked()) {
			score *= 0.85;
			doubts.add(new Confidence.Doubt(Confidence.LABELS_UNREAD, level.id(), String.format(
					"%d of %d stalls hold label-like marks and %d were read; the others are named by row and number",
					labels.marked(), slots.size(), labels.legible())));
		}
		return score;
	}

	/** The plan's confidence: its levels' at most, lowered when its line work lies outside the stalls. */
	static Confidence plan(List<Level> levels, GrayU8 skeleton, List<Confidence.Doubt> doubts) {
		List<Slot> slots = levels.stream().flatMap((l) -> l.slots().stream()).toList();
		if (slots.isEmpty()) {
			doubts.add(0, new Confidence.Doubt(Confidence.NO_STALLS, null, (count(skeleton) > 0)
					? "the image holds line work, but no region of it is shaped and repeated like stalls"
					: "the image holds no line work"));
			return new Confidence(0, doubts);
		}
		double explained = explained(skeleton, slots.stream().map(Slot::polygon).toList());
		double score = levels.stream().mapToDouble((l) -> (l.confidence() != null) ? l.confidence() : 1).min().orElse(0);
		if (explained < EXPLAINED) {
			score *= explainedFactor(explained);
			doubts.add(0, new Confidence.Doubt(Confidence.UNEXPLAINED_INK, null, String.format(
					"%.0f%% of the line work lies in or on a stall found; stalls are likely missed", 100 * explained)));
		}
		return new Confidence(score, doubts);
	}

	/**
	 * A first measure of a reading from its stalls alone, before labels and aisles: their
	 * mean confidence, lowered as {@link #plan} lowers it for line work outside them.
	 */
	static double sketch(List<List<Point>> quads, List<Double> sureness, GrayU8 skeleton) {
		if (quads.isEmpty()) {
			return 0;
		}
		return sureness.stream().mapToDouble(Double::doubleValue).average().orElse(0)
				* explainedFactor(explained(skeleton, quads));
	}

	/**
	 * What is left of a score when {@code explained} of the line work lies in stalls: all of
	 * it from {@link #EXPLAINED} up, nothing at {@link #UNEXPLAINED} or below.
	 */
	private static double explainedFactor(double explained) {
		return clamp((explained - UNEXPLAINED) / (EXPLAINED - UNEXPLAINED));
	}

	/**
	 * The share of the skeleton's pixels in or on a stall: inside its outline grown by a
	 * quarter of its width (1 where there is no line work).
	 */
	private static double explained(GrayU8 skeleton, List<List<Point>> stalls) {
		int lines = count(skeleton);
		if (lines == 0) {
			return 1;
		}
		boolean[] inStall = new boolean[skeleton.data.length];
		int count = 0;
		for (List<Point> stall : stalls) {
			List<Point> zone = Geometry.grow(stall, 0.25 * Geometry.width(stall) + 2);
			int x0 = Math.max(0, (int) Math.floor(zone.stream().mapToDouble(Point::x).min().orElse(0)));
			int y0 = Math.max(0, (int) Math.floor(zone.stream().mapToDouble(Point::y).min().orElse(0)));
			int x1 = Math.min(skeleton.width - 1, (int) Math.ceil(zone.stream().mapToDouble(Point::x).max().orElse(0)));
			int y1 = Math.min(skeleton.height - 1, (int) Math.ceil(zone.stream().mapToDouble(Point::y).max().orElse(0)));
			for (int y = y0; y <= y1; y++) {
				for (int x = x0; x <= x1; x++) {
					int i = skeleton.startIndex + y * skeleton.stride + x;
					if (skeleton.data[i] != 0 && !inStall[i] && Geometry.contains(zone, new Point(x, y))) {
						inStall[i] = true;
						count++;
					}
				}
			}
		}
		return (double) count / lines;
	}

	private static int count(GrayU8 image) {
		int count = 0;
		for (byte b : image.data) {
			count += (b != 0) ? 1 : 0;
		}
		return count;
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

}

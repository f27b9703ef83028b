package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;

import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * Tells reserved stalls by their paint or their pictogram. A stall mostly tinted blue is
 * for disabled drivers, mostly green for electric vehicles. On plans without colour, the
 * pictogram decides: a wheelchair has a wheel (a ring enclosing floor), a charging bolt
 * has none.
 */
final class SlotTyper {

	private final Raster raster;

	private final GrayS32 floorLabels;

	private final List<Mark> marks = new ArrayList<>();

	SlotTyper(Raster raster, GrayU8 ink, GrayS32 floorLabels) {
		this.raster = raster;
		this.floorLabels = floorLabels;
		GrayS32 inkLabels = new GrayS32(ink.width, ink.height);
		for (Contour contour : BinaryImageOps.contour(ink, ConnectRule.EIGHT, inkLabels)) {
			if (contour.external.size() >= 8 && contour.external.size() < 4000) {
				this.marks.add(Mark.of(contour));
			}
		}
	}

	/** Each stall's type: its paint if it has any, else its pictogram if it has one. */
	List<SlotType> types(List<SlotFinder.Found> slots) {
		Map<List<Point>, Double> usual = usualLargestMarks(slots);
		List<SlotType> types = new ArrayList<>();
		for (SlotFinder.Found slot : slots) {
			SlotType painted = paint(slot);
			types.add((painted != null) ? painted : pictogram(slot.quad(), usual.get(slot.quad())));
		}
		return types;
	}

	/**
	 * Per floor, the median of its stalls' largest marks: what a stall there usually holds
	 * (its number; one floor's numbers are alike, another's may be longer).
	 */
	private Map<List<Point>, Double> usualLargestMarks(List<SlotFinder.Found> slots) {
		List<Slot> outlines = slots.stream().map((slot) -> new Slot("", SlotType.REGULAR, slot.quad())).toList();
		Map<List<Point>, Double> usual = new HashMap<>();
		for (List<Slot> floor : Levels.group(outlines)) {
			double[] largest = floor.stream().mapToDouble((slot) -> largestMark(slot.polygon())).sorted().toArray();
			double median = (largest.length == 0) ? 0 : largest[largest.length / 2];
			floor.forEach((slot) -> usual.put(slot.polygon(), median));
		}
		return usual;
	}

	private SlotType paint(SlotFinder.Found slot) {
		int blue = 0;
		int green = 0;
		int total = 0;
		float[] hsb = new float[3];
		for (int i = 0; i < this.floorLabels.data.length; i += 2) {
			if (this.floorLabels.data[i] != slot.label()) {
				continue;
			}
			total++;
			int rgb = this.raster.rgb()[i];
			java.awt.Color.RGBtoHSB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, hsb);
			if (hsb[1] < 0.2 || hsb[2] < 0.3) {
				continue;
			}
			float hue = hsb[0] * 360;
			if (hue >= 190 && hue <= 260) {
				blue++;
			}
			else if (hue >= 80 && hue <= 170) {
				green++;
			}
		}
		if (total == 0) {
			return null;
		}
		if (blue > 0.4 * total) {
			return SlotType.DISABLED;
		}
		return (green > 0.4 * total) ? SlotType.EV : null;
	}

	/**
	 * A pictogram spans more than half its stall's width, which a stall number that fits
	 * between the lines does not, and it stands out from what most stalls on its floor hold:
	 * more than {@code 1.25 ×} their usual largest mark (relative to the stall's width), so
	 * numbers that blur into one blob on a small photographed plan are not taken for one. One with a
	 * wheel (a ring enclosing floor) is the wheelchair; one without, the charging bolt.
	 */
	private SlotType pictogram(List<Point> quad, double usual) {
		double width = Geometry.width(quad);
		double least = Math.max(0.53, 1.25 * usual) * width;
		List<Mark> pictograms = inside(quad).filter((mark) -> mark.diameter >= least).toList();
		if (pictograms.isEmpty()) {
			return SlotType.REGULAR;
		}
		double slotArea = Geometry.area(quad);
		boolean wheel = pictograms.stream().anyMatch((mark) -> mark.largestHole >= 0.006 * slotArea);
		return wheel ? SlotType.DISABLED : SlotType.EV;
	}

	/** The largest mark in a stall, as a fraction of its width; 0 for an empty stall. */
	private double largestMark(List<Point> quad) {
		double width = Geometry.width(quad);
		return inside(quad).mapToDouble((mark) -> mark.diameter / width).max().orElse(0);
	}

	/** The marks centred in a stall and narrower than 1.5 stall widths (its lines are longer). */
	private java.util.stream.Stream<Mark> inside(List<Point> quad) {
		double width = Geometry.width(quad);
		return this.marks.stream()
			.filter((mark) -> mark.diameter < 1.5 * width && Geometry.contains(quad, mark.centre));
	}

	/** One connected mark of ink: where it is, how far across, its largest hole. */
	private record Mark(Point centre, double diameter, double largestHole) {

		static Mark of(Contour contour) {
			List<Point> outline = contour.external.stream().map((p) -> new Point(p.x, p.y)).toList();
			List<Point> hull = Geometry.convexHull(outline);
			double diameter = 0;
			for (Point a : hull) {
				for (Point b : hull) {
					diameter = Math.max(diameter, a.distanceTo(b));
				}
			}
			double cx = 0;
			double cy = 0;
			for (Point p : outline) {
				cx += p.x();
				cy += p.y();
			}
			double hole = 0;
			for (List<Point2D_I32> inner : contour.internal) {
				hole = Math.max(hole, Geometry.area(inner.stream().map((p) -> new Point(p.x, p.y)).toList()));
			}
			return new Mark(new Point(cx / outline.size(), cy / outline.size()), diameter, hole);
		}

	}

}

package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.List;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;

import dev.hopper.jobs.maps.plan.Point;
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
		List<SlotType> types = new ArrayList<>();
		for (SlotFinder.Found slot : slots) {
			SlotType painted = paint(slot);
			types.add((painted != null) ? painted : pictogram(slot.quad()));
		}
		return types;
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
	 * A pictogram spans more than half its stall's width, which a stall number
	 * that fits between the lines does not. One with a wheel (a ring enclosing floor) is the
	 * wheelchair; one without, the charging bolt.
	 */
	private SlotType pictogram(List<Point> quad) {
		double width = Geometry.width(quad);
		double slotArea = Geometry.area(quad);
		List<Mark> pictograms = this.marks.stream()
			.filter((mark) -> mark.diameter >= 0.53 * width && mark.diameter < 1.5 * width
					&& Geometry.contains(quad, mark.centre))
			.toList();
		if (pictograms.isEmpty()) {
			return SlotType.REGULAR;
		}
		boolean wheel = pictograms.stream().anyMatch((mark) -> mark.largestHole >= 0.006 * slotArea);
		return wheel ? SlotType.DISABLED : SlotType.EV;
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

package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * A stable name for every stall when its painted label is not read: rows lettered A, B, C…
 * across the floor, stalls numbered along their row (A01, A02…), floors after the first
 * prefixed by their number (2A01). Rows run along the stalls' short sides; two stalls are
 * in one row when their centres are less than half a stall deep apart across it.
 */
final class SlotNames {

	private SlotNames() {
	}

	static List<Slot> name(List<Slot> slots, int floorIndex) {
		if (slots.isEmpty()) {
			return slots;
		}
		double angle = rowAngle(slots);
		double ux = Math.cos(angle);
		double uy = Math.sin(angle);
		double depth = slots.stream().mapToDouble(Levels::depth).sorted().toArray()[slots.size() / 2];
		List<Slot> byAcross = new ArrayList<>(slots);
		byAcross.sort(Comparator.comparingDouble((Slot s) -> across(s.center(), ux, uy)));
		List<List<Slot>> rows = new ArrayList<>();
		double last = Double.NEGATIVE_INFINITY;
		for (Slot slot : byAcross) {
			double at = across(slot.center(), ux, uy);
			if (at - last > depth / 2) {
				rows.add(new ArrayList<>());
			}
			rows.get(rows.size() - 1).add(slot);
			last = at;
		}
		String prefix = (floorIndex == 0) ? "" : String.valueOf(floorIndex + 1);
		List<Slot> named = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			List<Slot> row = rows.get(r);
			row.sort(Comparator.comparingDouble((Slot s) -> s.center().x() * ux + s.center().y() * uy));
			String letters = rowLetters(r);
			for (int i = 0; i < row.size(); i++) {
				Slot slot = row.get(i);
				named.add(slot.named(prefix + letters + String.format("%02d", i + 1), slot.type()));
			}
		}
		return named;
	}

	/** The direction rows run in, as the median of the stalls' short sides, pointing rightwards. */
	static double rowAngle(List<Slot> slots) {
		double[] angles = slots.stream().mapToDouble((slot) -> {
			List<Point> q = slot.polygon();
			boolean firstShort = q.get(0).distanceTo(q.get(1)) <= q.get(1).distanceTo(q.get(2));
			Point a = firstShort ? q.get(0) : q.get(1);
			Point b = firstShort ? q.get(1) : q.get(2);
			double angle = Math.atan2(b.y() - a.y(), b.x() - a.x());
			// fold into (-90°, 90°]: a row has no front or back direction
			if (angle <= -Math.PI / 2) {
				angle += Math.PI;
			}
			else if (angle > Math.PI / 2) {
				angle -= Math.PI;
			}
			return angle;
		}).sorted().toArray();
		return angles[angles.length / 2];
	}

	/**
	 * The painted labels where they were read, the scheme's names elsewhere. A label read
	 * twice on one floor is trusted for neither stall; a scheme name that a painted label
	 * already uses gets a suffix ("A03#2"), so ids stay unique on the floor.
	 */
	static List<Slot> preferLabels(List<Slot> named, List<String> labels) {
		Map<String, Long> counts = labels.stream()
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy((label) -> label, Collectors.counting()));
		Set<String> taken = new HashSet<>();
		List<String> ids = new ArrayList<>();
		for (String label : labels) {
			boolean trusted = label != null && counts.get(label) == 1;
			ids.add(trusted ? label : null);
			if (trusted) {
				taken.add(label);
			}
		}
		List<Slot> result = new ArrayList<>();
		for (int i = 0; i < named.size(); i++) {
			Slot slot = named.get(i);
			String id = ids.get(i);
			if (id == null) {
				id = slot.id();
				for (int n = 2; taken.contains(id); n++) {
					id = slot.id() + "#" + n;
				}
				taken.add(id);
			}
			result.add(slot.named(id, slot.type()));
		}
		return result;
	}

	private static double across(Point p, double ux, double uy) {
		return -p.x() * uy + p.y() * ux;
	}

	private static String rowLetters(int row) {
		return (row < 26) ? String.valueOf((char) ('A' + row)) : rowLetters(row / 26 - 1) + (char) ('A' + row % 26);
	}

}

package dev.hopper.jobs.maps.cv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * The floors drawn side by side on one sheet. Within a floor every stall is at most an
 * aisle and a stall from the next (about two stall depths); floors are drawn further
 * apart. So stalls are grouped by single linkage at three stall depths, and the groups
 * ordered left to right, then top to bottom.
 */
final class Levels {

	private Levels() {
	}

	static List<List<Slot>> group(List<Slot> slots) {
		if (slots.isEmpty()) {
			return List.of(List.of());
		}
		double depth = slots.stream().mapToDouble(Levels::depth).sorted().toArray()[slots.size() / 2];
		int[] parent = new int[slots.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < slots.size(); i++) {
			for (int j = i + 1; j < slots.size(); j++) {
				if (slots.get(i).center().distanceTo(slots.get(j).center()) <= 3 * depth) {
					parent[root(parent, i)] = root(parent, j);
				}
			}
		}
		java.util.Map<Integer, List<Slot>> groups = new java.util.LinkedHashMap<>();
		for (int i = 0; i < slots.size(); i++) {
			groups.computeIfAbsent(root(parent, i), (k) -> new ArrayList<>()).add(slots.get(i));
		}
		List<List<Slot>> floors = new ArrayList<>(groups.values());
		floors.sort(Comparator.comparingDouble((List<Slot> floor) -> Math.round(centre(floor).x() / (4 * depth)))
			.thenComparingDouble((floor) -> centre(floor).y()));
		return floors;
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	static double depth(Slot slot) {
		List<Point> q = slot.polygon();
		double shortSide = Math.min(q.get(0).distanceTo(q.get(1)), q.get(1).distanceTo(q.get(2)));
		return Geometry.area(q) / shortSide;
	}

	private static Point centre(List<Slot> slots) {
		double x = 0;
		double y = 0;
		for (Slot slot : slots) {
			x += slot.center().x();
			y += slot.center().y();
		}
		return new Point(x / slots.size(), y / slots.size());
	}

}

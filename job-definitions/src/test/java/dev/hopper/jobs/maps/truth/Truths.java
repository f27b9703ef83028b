package dev.hopper.jobs.maps.truth;

import java.util.function.UnaryOperator;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/** Moves every coordinate of a map through one mapping (plan metres to pixels, a warp). */
final class Truths {

	private Truths() {
	}

	static ParkingMap mapPoints(ParkingMap map, UnaryOperator<Point> mapping) {
		return new ParkingMap(map.width(), map.height(), map.levels().stream().map((level) -> new Level(level.id(),
				level.slots().stream()
					.map((s) -> new Slot(s.id(), s.type(), s.polygon().stream().map(mapping).toList()))
					.toList(),
				new LaneGraph(level.lanes().nodes().stream()
					.map((n) -> new LaneGraph.Node(n.id(), mapping.apply(n.point())))
					.toList(), level.lanes().edges()),
				level.entrances().stream().map((e) -> new Entrance(e.id(), e.kind(), mapping.apply(e.point()))).toList()))
			.toList(), map.parser(), map.overlayUrl());
	}

	static ParkingMap resized(ParkingMap map, int width, int height) {
		return new ParkingMap(width, height, map.levels(), map.parser(), map.overlayUrl());
	}

}

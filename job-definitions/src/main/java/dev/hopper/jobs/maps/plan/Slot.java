package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One parking slot: its id, type and outline (four corners, in order around it). */
public record Slot(String id, SlotType type, List<Point> polygon) {

	public Slot {
		polygon = List.copyOf(polygon);
	}

	public Point center() {
		return Point.mean(this.polygon);
	}

	Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", this.id);
		document.put("type", this.type.wireName());
		document.put("polygon", this.polygon.stream().map(Point::toDocument).toList());
		document.put("center", center().toDocument());
		return document;
	}

}

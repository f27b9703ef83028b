package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One parking slot: its id, type and outline (four corners, in order around it), and how sure
 * the parser is that it is a stall (0 to 1; null where the parser gives no measure).
 */
public record Slot(String id, SlotType type, List<Point> polygon, @Nullable Double confidence) {

	public Slot {
		polygon = List.copyOf(polygon);
	}

	public Slot(String id, SlotType type, List<Point> polygon) {
		this(id, type, polygon, null);
	}

	public Slot withConfidence(@Nullable Double confidence) {
		return new Slot(this.id, this.type, this.polygon, confidence);
	}

	public Slot named(String id, SlotType type) {
		return new Slot(id, type, this.polygon, this.confidence);
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
		if (this.confidence != null) {
			document.put("confidence", Confidence.round(this.confidence));
		}
		return document;
	}

}

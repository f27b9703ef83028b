package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One floor of the garage as drawn in the image. */
public record Level(String id, List<Slot> slots, LaneGraph lanes, List<Entrance> entrances) {

	public Level {
		slots = List.copyOf(slots);
		entrances = List.copyOf(entrances);
	}

	Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", this.id);
		document.put("slots", this.slots.stream().map(Slot::toDocument).toList());
		document.put("lanes", this.lanes.toDocument());
		document.put("entrances", this.entrances.stream().map(Entrance::toDocument).toList());
		return document;
	}

}

package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One floor of the garage as drawn in the image, and how sure the parser is of it (null: no measure). */
public record Level(String id, List<Slot> slots, LaneGraph lanes, List<Entrance> entrances,
		@Nullable Double confidence) {

	public Level {
		slots = List.copyOf(slots);
		entrances = List.copyOf(entrances);
	}

	public Level(String id, List<Slot> slots, LaneGraph lanes, List<Entrance> entrances) {
		this(id, slots, lanes, entrances, null);
	}

	public Level with(List<Slot> slots, @Nullable Double confidence) {
		return new Level(this.id, slots, this.lanes, this.entrances, confidence);
	}

	Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", this.id);
		document.put("slots", this.slots.stream().map(Slot::toDocument).toList());
		document.put("lanes", this.lanes.toDocument());
		document.put("entrances", this.entrances.stream().map(Entrance::toDocument).toList());
		if (this.confidence != null) {
			document.put("confidence", Confidence.round(this.confidence));
		}
		return document;
	}

}

package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where vehicles come in, go out, or both. */
public record Entrance(String id, Kind kind, Point point) {

	Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", this.id);
		document.put("kind", this.kind.name().toLowerCase(Locale.ROOT));
		document.put("point", this.point.toDocument());
		return document;
	}

	public enum Kind {

		ENTRANCE, EXIT, BOTH

	}

}

package dev.hopper.jobs.maps.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A parsed floor plan: the {@code map-parse} result contract (../shared/design.md).
 * Coordinates are pixels of the uploaded image, origin top-left. The confidence is null
 * where the parser gives no measure of its own.
 */
public record ParkingMap(int width, int height, List<Level> levels, Parser parser, @Nullable String overlayUrl,
		@Nullable Confidence confidence) {

	public ParkingMap {
		levels = List.copyOf(levels);
	}

	public ParkingMap(int width, int height, List<Level> levels, Parser parser, @Nullable String overlayUrl) {
		this(width, height, levels, parser, overlayUrl, null);
	}

	public ParkingMap withOverlayUrl(String url) {
		return new ParkingMap(this.width, this.height, this.levels, this.parser, url, this.confidence);
	}

	public ParkingMap with(List<Level> levels, Parser parser, @Nullable Confidence confidence) {
		return new ParkingMap(this.width, this.height, levels, parser, this.overlayUrl, confidence);
	}

	public List<Slot> slots() {
		return this.levels.stream().flatMap((level) -> level.slots().stream()).toList();
	}

	public Map<String, Object> toDocument() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("image", Map.of("width", this.width, "height", this.height));
		document.put("levels", this.levels.stream().map(Level::toDocument).toList());
		Map<String, Object> parser = new LinkedHashMap<>();
		parser.put("kind", this.parser.kind());
		parser.put("model", this.parser.model());
		parser.put("promptVersion", this.parser.promptVersion());
		document.put("parser", parser);
		if (this.confidence != null) {
			document.put("confidence", this.confidence.toDocument());
		}
		document.put("overlayUrl", this.overlayUrl);
		return document;
	}

	/** Which parser made the map; model and prompt version only for the vision-LLM paths. */
	public record Parser(String kind, @Nullable String model, @Nullable String promptVersion) {

		public static Parser cv() {
			return new Parser("cv", null, null);
		}

	}

}

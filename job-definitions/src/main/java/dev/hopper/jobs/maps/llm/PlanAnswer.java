package dev.hopper.jobs.maps.llm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the model answers for a whole plan: the result's shape in the pixels of the image it
 * was shown. Its JSON schema, generated from these types, is the structured-output format
 * the model must follow.
 */
@JsonClassDescription("A parking garage floor plan, parsed")
public record PlanAnswer(@JsonPropertyDescription("One entry per floor drawn on the plan") List<Floor> levels) {

	public record Floor(@JsonPropertyDescription("The floor's name as drawn, or L1, L2… in reading order") String id,
			List<Stall> slots, List<LaneNode> laneNodes, List<LaneEdge> laneEdges, List<Way> entrances) {
	}

	public record Stall(@JsonPropertyDescription("The label painted in the stall, or row letter and number") String id,
			Kind type,
			@JsonPropertyDescription("The stall's four corners in order around it, in image pixels") List<Xy> polygon) {
	}

	public record LaneNode(String id, @JsonPropertyDescription("On the aisle's centre line") Xy point) {
	}

	public record LaneEdge(String from, String to,
			@JsonPropertyDescription("True when traffic may only go from 'from' to 'to'") boolean oneway) {
	}

	public record Way(String id, WayKind kind, @JsonPropertyDescription("Where the way crosses the wall") Xy point) {
	}

	public record Xy(double x, double y) {
	}

	public enum Kind {

		@JsonProperty("regular") REGULAR, @JsonProperty("disabled") DISABLED, @JsonProperty("ev") EV

	}

	public enum WayKind {

		@JsonProperty("entrance") ENTRANCE, @JsonProperty("exit") EXIT, @JsonProperty("both") BOTH

	}

}

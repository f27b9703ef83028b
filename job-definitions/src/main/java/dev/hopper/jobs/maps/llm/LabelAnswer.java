package dev.hopper.jobs.maps.llm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the model answers in hybrid mode: for each outline the CV parser drew and numbered on
 * the plan, whether it is a stall, and its label and type.
 */
@JsonClassDescription("The numbered outlines drawn over a parking floor plan, checked and labelled")
public record LabelAnswer(List<Outline> outlines) {

	public record Outline(@JsonPropertyDescription("The number drawn in the outline") int number,
			@JsonPropertyDescription("False when the outline does not surround a parking stall") boolean stall,
			@JsonPropertyDescription("The label painted in the stall, or empty when none is legible") String id,
			PlanAnswer.Kind type) {
	}

}

package dev.hopper.jobs.maps.llm;

/**
 * The instructions sent with a plan. Versioned: a changed word can change an answer, so the
 * version is in every result and in the result cache's key. Bump it with any edit.
 */
public final class Prompts {

	public static final String VERSION = "plan-2026-11-23";

	static final String PLAN = """
			You read floor plans of parking garages. The image is %d x %d pixels.
			Report every parking stall: its painted label as its id (or row letter and
			number, A01, A02…, when none is legible), its type (regular; disabled when it
			shows a wheelchair or is painted blue; ev when it shows a charging bolt or is
			painted green) and its four corners in order around it. Report the driving
			aisles as a graph of points on their centre lines joined by edges, one-way
			where arrows say so, and the entrances and exits where they cross the outer wall.
			Coordinates are pixels of this image, origin top-left, x to the right.
			A sheet with several floors side by side has one level per floor.
			""";

	static final String LABELS = """
			Numbered outlines are drawn over this parking garage floor plan, one per stall a
			machine found. For each number, say whether its outline surrounds a parking stall,
			read the label painted in it (empty when none is legible), and give its type:
			regular; disabled when it shows a wheelchair or is painted blue; ev when it shows
			a charging bolt or is painted green.
			""";

	private Prompts() {
	}

}

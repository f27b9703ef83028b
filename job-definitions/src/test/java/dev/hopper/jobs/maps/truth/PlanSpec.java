package dev.hopper.jobs.maps.truth;

/**
 * What {@link FloorPlanGenerator} draws: a style, the plan's rotation, the slots' angle to
 * their row, one or two levels, photo-like degradation or none, and the seed that fixes
 * every other choice.
 */
public record PlanSpec(Style style, double rotationDegrees, int slotAngleDegrees, int levels, boolean photographed,
		long seed) {

	public enum Style {

		/** Black line art on white, as CAD exports look. */
		CAD,

		/** Tinted floor and reserved slots filled with their colour. */
		COLOURED,

		/** Wobbly pen lines on off-white paper. */
		SKETCH,

		/** An app-style dark map: white lines on a dark asphalt floor, reserved slots filled with strong colour. */
		DARK

	}

	public String name() {
		return String.format("%s-rot%03.0f-angle%d-levels%d%s-seed%d", this.style.name().toLowerCase(),
				this.rotationDegrees, this.slotAngleDegrees, this.levels, this.photographed ? "-photo" : "", this.seed);
	}

}

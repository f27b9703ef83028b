package dev.hopper.jobs.maps.plan;

import java.util.List;

/** A position in pixels of the uploaded image, origin top-left. */
public record Point(double x, double y) {

	public double distanceTo(Point other) {
		return Math.hypot(this.x - other.x, this.y - other.y);
	}

	List<Double> toDocument() {
		return List.of(round(this.x), round(this.y));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}

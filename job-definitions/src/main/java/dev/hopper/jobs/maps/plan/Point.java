package dev.hopper.jobs.maps.plan;

import java.util.List;

/** A position in pixels of the uploaded image, origin top-left. */
public record Point(double x, double y) {

	/** The mean of the corners: the centre of a stall's outline. */
	public static Point mean(List<Point> points) {
		double x = 0;
		double y = 0;
		for (Point point : points) {
			x += point.x;
			y += point.y;
		}
		return new Point(x / points.size(), y / points.size());
	}

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

package dev.hopper.jobs.maps.cv;

import java.util.List;
import java.util.Optional;

import dev.hopper.jobs.maps.plan.Point;

/**
 * A painted arrow: a mark at least twice as long as it is wide, wider at its head than along
 * its shaft. Its direction points to the head; one with a head at both ends points both ways.
 */
record Arrow(Point centre, double dx, double dy, boolean bothWays) {

	static Optional<Arrow> of(List<Point> pixels) {
		if (pixels.size() < 12) {
			return Optional.empty();
		}
		Point centre = Point.mean(pixels);
		double xx = 0;
		double yy = 0;
		double xy = 0;
		for (Point p : pixels) {
			double x = p.x() - centre.x();
			double y = p.y() - centre.y();
			xx += x * x;
			yy += y * y;
			xy += x * y;
		}
		double angle = 0.5 * Math.atan2(2 * xy, xx - yy);
		double ux = Math.cos(angle);
		double uy = Math.sin(angle);
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (Point p : pixels) {
			double t = (p.x() - centre.x()) * ux + (p.y() - centre.y()) * uy;
			min = Math.min(min, t);
			max = Math.max(max, t);
		}
		double length = max - min;
		double[] widths = new double[3];
		double[][] spans = { { Double.MAX_VALUE, -Double.MAX_VALUE }, { Double.MAX_VALUE, -Double.MAX_VALUE },
				{ Double.MAX_VALUE, -Double.MAX_VALUE } };
		for (Point p : pixels) {
			double t = (p.x() - centre.x()) * ux + (p.y() - centre.y()) * uy;
			double s = -(p.x() - centre.x()) * uy + (p.y() - centre.y()) * ux;
			int third = (int) Math.min(2, Math.floor(3 * (t - min) / Math.max(1e-9, length)));
			spans[third][0] = Math.min(spans[third][0], s);
			spans[third][1] = Math.max(spans[third][1], s);
		}
		double overall = 0;
		for (int i = 0; i < 3; i++) {
			widths[i] = Math.max(1, spans[i][1] - spans[i][0] + 1);
			overall = Math.max(overall, widths[i]);
		}
		if (length < 2 * overall) {
			return Optional.empty();
		}
		double tail = widths[0];
		double middle = widths[1];
		double head = widths[2];
		if (tail >= 1.5 * middle && head >= 1.5 * middle) {
			return Optional.of(new Arrow(centre, ux, uy, true));
		}
		if (head >= 1.5 * tail) {
			return Optional.of(new Arrow(centre, ux, uy, false));
		}
		if (tail >= 1.5 * head) {
			return Optional.of(new Arrow(centre, -ux, -uy, false));
		}
		return Optional.empty();
	}

	/** How far this arrow points along the unit vector ({@code ex}, {@code ey}): -1 to 1. */
	double along(double ex, double ey) {
		return this.dx * ex + this.dy * ey;
	}

}

package dev.hopper.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small chart drawn on the server as SVG shapes, so a page needs no chart library and no
 * script: stacked columns (finishes per minute) or a line (a spectral profile).
 *
 * @param label what it shows, for screen readers
 * @param width drawing width in px
 * @param height drawing height in px
 * @param columns stacked columns, left to right (empty for a line)
 * @param line the line's points as SVG "x,y x,y" (empty for columns)
 */
public record Chart(String label, int width, int height, List<Column> columns, String line) {

	/**
	 * One column: its segments stacked from the bottom.
	 *
	 * @param title what a pointer over it reads
	 */
	public record Column(String title, int x, int width, List<Segment> segments) {
	}

	/** @param kind the CSS class that colours it */
	public record Segment(int y, int height, String kind) {
	}

	/**
	 * Columns of stacked values, scaled so the tallest fills the height.
	 *
	 * @param stacks per column, the values from the bottom up, each with {@code kinds}' class
	 */
	static Chart columns(String label, int width, int height, List<String> titles, List<long[]> stacks,
			String... kinds) {
		long tallest = Math.max(1, stacks.stream().mapToLong((stack) -> java.util.Arrays.stream(stack).sum()).max()
			.orElse(1));
		int step = Math.max(1, width / Math.max(1, stacks.size()));
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < stacks.size(); i++) {
			int top = height;
			List<Segment> segments = new ArrayList<>();
			for (int k = 0; k < stacks.get(i).length; k++) {
				int h = (int) Math.round(stacks.get(i)[k] * (double) height / tallest);
				if (h > 0) {
					top -= h;
					segments.add(new Segment(top, h, kinds[k]));
				}
			}
			columns.add(new Column(titles.get(i), i * step, Math.max(1, step - 1), segments));
		}
		return new Chart(label, width, height, columns, "");
	}

	/** A line through {@code values}, spread across the width and scaled between their least and greatest. */
	static Chart line(String label, int width, int height, double[] values) {
		double least = java.util.Arrays.stream(values).min().orElse(0);
		double greatest = java.util.Arrays.stream(values).max().orElse(1);
		double span = (greatest > least) ? greatest - least : 1;
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			double x = (values.length > 1) ? i * (width - 4.0) / (values.length - 1) + 2 : width / 2.0;
			double y = height - 2 - (values[i] - least) * (height - 4) / span;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return new Chart(label, width, height, List.of(), points.toString().strip());
	}

}

package dev.hopper.jobs.maps.cv;

/**
 * What a stall label looks like: an optional floor number, optional row letters, then the
 * stall's number ("2B14", "A07", "118"). Reading glyphs one by one confuses look-alikes
 * (B and 8, O and 0, S and 5); the label's shape says which class each position is in, so
 * every split into digits, letters, digits is tried and the one whose glyphs match best is
 * taken. One floor's labels share a shape, so a floor can also fix it for every label.
 */
final class LabelGrammar {

	private static final int MAX_LENGTH = 8;

	/**
	 * What each letter after a row's first costs a shape when shapes are compared: rows are
	 * mostly lettered with one, and the look-alikes (0 and D or O, 1 and I, 5 and S, 8 and B)
	 * would otherwise turn "A01" into "AD1" wherever a face draws its zero a little square.
	 */
	private static final double LETTER_COST = 0.1;

	private LabelGrammar() {
	}

	/** The best reading of glyphs scored by {@link Glyphs#scores}; null when too short or too long. */
	static Reading best(double[][] scores) {
		if (scores.length < 2 || scores.length > MAX_LENGTH) {
			return null;
		}
		Reading best = read(scores, new Shape(0, 0));
		// digits before p, letters from p to q, digits from q: at least the last is a digit
		for (int p = 0; p < scores.length; p++) {
			for (int q = p + 1; q < scores.length; q++) {
				Reading reading = read(scores, new Shape(p, q - p));
				if (weighed(reading) > weighed(best)) {
					best = reading;
				}
			}
		}
		return best;
	}

	/** A reading's glyph scores summed, less what its shape's extra letters cost. */
	static double weighed(Reading reading) {
		return reading.sum() - LETTER_COST * Math.max(0, reading.shape().letters() - 1);
	}

	/** The reading with the given shape; null when the glyphs cannot have it. */
	static Reading best(double[][] scores, Shape shape) {
		boolean fits = scores.length >= 2 && scores.length <= MAX_LENGTH
				&& shape.floorDigits() + shape.letters() < scores.length;
		return fits ? read(scores, shape) : null;
	}

	private static Reading read(double[][] scores, Shape shape) {
		StringBuilder text = new StringBuilder();
		double sum = 0;
		double worst = Double.MAX_VALUE;
		for (int i = 0; i < scores.length; i++) {
			boolean letter = i >= shape.floorDigits() && i < shape.floorDigits() + shape.letters();
			int c = letter ? bestIn(scores[i], 10, Glyphs.count()) : bestIn(scores[i], 0, 10);
			text.append(Glyphs.character(c));
			sum += scores[i][c];
			worst = Math.min(worst, scores[i][c]);
		}
		return new Reading(text.toString(), worst, sum, shape);
	}

	private static int bestIn(double[] scores, int from, int to) {
		int best = from;
		for (int c = from; c < to; c++) {
			if (scores[c] > scores[best]) {
				best = c;
			}
		}
		return best;
	}

	/**
	 * How many digits lead (the floor) and how many letters follow (the row); the stall's
	 * number is the rest, so "A7" and "A12" share a shape.
	 */
	record Shape(int floorDigits, int letters) {
	}

	/** A label, its worst glyph's score, the sum of its glyphs' scores, and its shape. */
	record Reading(String text, double score, double sum, Shape shape) {
	}

}

package dev.hopper.jobs.maps.cv;

/**
 * What a stall label looks like: an optional floor number, optional row letters, then the
 * stall's number ("2B14", "A07", "118"). Reading glyphs one by one confuses look-alikes
 * (B and 8, O and 0, S and 5); the label's shape says which class each position is in, so
 * every split into digits, letters, digits is tried and the one whose glyphs match best is
 * taken.
 */
final class LabelGrammar {

	private static final int MAX_LENGTH = 8;

	private LabelGrammar() {
	}

	/** The best reading of glyphs scored by {@link Glyphs#scores}; null when too short or too long. */
	static LabelReader.Reading best(double[][] scores) {
		int n = scores.length;
		if (n < 2 || n > MAX_LENGTH) {
			return null;
		}
		int[] digit = new int[n];
		int[] letter = new int[n];
		for (int i = 0; i < n; i++) {
			digit[i] = bestIn(scores[i], 0, 10);
			letter[i] = bestIn(scores[i], 10, Glyphs.count());
		}
		String best = null;
		double bestSum = Double.NEGATIVE_INFINITY;
		double bestWorst = 0;
		// digits before p, letters from p to q, digits from q: at least the last is a digit
		for (int p = 0; p < n; p++) {
			for (int q = p; q < n; q++) {
				StringBuilder text = new StringBuilder();
				double sum = 0;
				double worst = Double.MAX_VALUE;
				for (int i = 0; i < n; i++) {
					int c = (i >= p && i < q) ? letter[i] : digit[i];
					text.append(Glyphs.character(c));
					sum += scores[i][c];
					worst = Math.min(worst, scores[i][c]);
				}
				if (sum > bestSum) {
					bestSum = sum;
					bestWorst = worst;
					best = text.toString();
				}
			}
		}
		return new LabelReader.Reading(best, bestWorst);
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

}

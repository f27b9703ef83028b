package dev.hopper.jobs.audio.engine;

import org.jspecify.annotations.Nullable;

/**
 * Key and scale from the mean chroma: the best Pearson correlation with the 24 rotations
 * of the Krumhansl-Kessler major and minor key profiles; the correlation is the strength.
 */
final class KeyEstimator {

	static final String[] NAMES = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };

	private static final double[] MAJOR = { 6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88 };

	private static final double[] MINOR = { 6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17 };

	record Key(String key, String scale, double strength) {
	}

	private KeyEstimator() {
	}

	static @Nullable Key estimate(double[] chroma) {
		double spread = 0;
		double mean = mean(chroma);
		for (double c : chroma) {
			spread += (c - mean) * (c - mean);
		}
		if (spread <= 1e-12) {
			return null;
		}
		Key best = null;
		for (int tonic = 0; tonic < 12; tonic++) {
			for (boolean major : new boolean[] { true, false }) {
				double r = correlation(chroma, major ? MAJOR : MINOR, tonic);
				if (best == null || r > best.strength()) {
					best = new Key(NAMES[tonic], major ? "major" : "minor", r);
				}
			}
		}
		return best;
	}

	private static double correlation(double[] chroma, double[] profile, int tonic) {
		double chromaMean = mean(chroma);
		double profileMean = mean(profile);
		double covariance = 0;
		double chromaVariance = 0;
		double profileVariance = 0;
		for (int i = 0; i < 12; i++) {
			double a = chroma[(i + tonic) % 12] - chromaMean;
			double b = profile[i] - profileMean;
			covariance += a * b;
			chromaVariance += a * a;
			profileVariance += b * b;
		}
		return covariance / Math.sqrt(chromaVariance * profileVariance);
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}

}

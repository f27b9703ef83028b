package dev.hopper.jobs.maps.cv;

import boofcv.struct.image.GrayU8;

/** Histograms of a plan's shades, and the shade below which a share of its pixels lie. */
final class Shades {

	private Shades() {
	}

	static int[] histogram(GrayU8 gray) {
		int[] histogram = new int[256];
		for (byte b : gray.data) {
			histogram[b & 0xFF]++;
		}
		return histogram;
	}

	/** The darkest shade at or below which at least {@code share} of {@code pixels} lie. */
	static int percentile(int[] histogram, int pixels, double share) {
		int seen = 0;
		for (int value = 0; value < histogram.length; value++) {
			seen += histogram[value];
			if (seen >= share * pixels) {
				return value;
			}
		}
		return histogram.length - 1;
	}

}

package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;

import boofcv.struct.image.GrayU8;

/**
 * The plan's pixels as the parser reads them: packed RGB, and a gray in which lines are dark
 * on a light floor whatever the drawing's polarity. On a light plan (most pixels bright)
 * the gray is the brightest of the three channels: ink is dark in every channel, and a pale
 * coloured fill is bright in one, however dark its luminance, so under uneven light it stays
 * floor. On a dark plan (light lines on asphalt, as app-style maps draw them) it is the
 * darkest channel, inverted: white lines turn dark, and a strongly coloured fill, dark in
 * some channel, turns light, as the floor around it.
 */
record Raster(int width, int height, int[] rgb, GrayU8 gray) {

	/** A plan whose median brightness is under this is drawn light on dark. */
	private static final int DARK_MEDIAN = 100;

	static Raster of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		GrayU8 gray = new GrayU8(width, height);
		int[] histogram = new int[256];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			int brightest = Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
			gray.data[i] = (byte) brightest;
			histogram[brightest]++;
		}
		if (median(histogram, rgb.length) < DARK_MEDIAN) {
			for (int i = 0; i < rgb.length; i++) {
				int p = rgb[i];
				gray.data[i] = (byte) (255 - Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF)));
			}
		}
		return new Raster(width, height, rgb, gray);
	}

	private static int median(int[] histogram, int pixels) {
		int seen = 0;
		for (int value = 0; value < histogram.length; value++) {
			seen += histogram[value];
			if (2 * seen >= pixels) {
				return value;
			}
		}
		return histogram.length - 1;
	}

	double diagonal() {
		return Math.hypot(this.width, this.height);
	}

}

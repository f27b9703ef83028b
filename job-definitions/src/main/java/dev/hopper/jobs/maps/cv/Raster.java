package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;

import boofcv.struct.image.GrayU8;

/** The plan's pixels as the parser reads them: packed RGB and luminance. */
record Raster(int width, int height, int[] rgb, GrayU8 gray) {

	static Raster of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		GrayU8 gray = new GrayU8(width, height);
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			int luma = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
			gray.data[i] = (byte) luma;
		}
		return new Raster(width, height, rgb, gray);
	}

	double diagonal() {
		return Math.hypot(this.width, this.height);
	}

}

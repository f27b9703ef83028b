package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;

import boofcv.struct.image.GrayU8;

/**
 * The plan's pixels as the parser reads them: packed RGB and brightness, the brightest of
 * the three channels. Ink is dark in every channel; a pale coloured fill is bright in one,
 * however dark its luminance, so under uneven light it stays floor.
 */
record Raster(int width, int height, int[] rgb, GrayU8 gray) {

	static Raster of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		GrayU8 gray = new GrayU8(width, height);
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			gray.data[i] = (byte) Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
		}
		return new Raster(width, height, rgb, gray);
	}

	double diagonal() {
		return Math.hypot(this.width, this.height);
	}

}

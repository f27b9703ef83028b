package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;

import boofcv.struct.image.GrayU8;

/**
 * The plan's pixels as the parser reads them: packed RGB, and a gray in which lines are dark
 * on a light floor whatever the drawing's polarity. A pixel's brightness is its brightest
 * channel; the floor's is the median. A plan is light on dark (white or yellow lines on
 * asphalt, a blueprint) when its floor is dark, or when more pixels stand well above the
 * floor than well below it: the lines are what differs from the floor, in whichever
 * direction. On a light plan the gray is the brightness: ink is dark in every channel, and
 * a pale coloured fill is bright in one, however dark its luminance, so under uneven light
 * it stays floor. On a dark plan it is the darker of red and green, inverted: white and
 * yellow paint turn dark, and a strongly coloured fill (blue, green, red: dark in red or
 * green) turns light, as the floor around it.
 */
record Raster(int width, int height, int[] rgb, GrayU8 gray, boolean lightOnDark) {

	/** A plan whose floor (median brightness) is under this is drawn light on dark. */
	private static final int DARK_FLOOR = 100;

	/** How far from the floor's brightness a pixel must be to count as drawn on it. */
	private static final int DRAWN = 50;

	static Raster of(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
		int[] histogram = new int[256];
		for (int p : rgb) {
			histogram[brightness(p)]++;
		}
		return of(width, height, rgb, lightOnDark(histogram, rgb.length));
	}

	/** The same pixels read in the other polarity. */
	Raster flipped() {
		return of(this.width, this.height, this.rgb, !this.lightOnDark);
	}

	private static Raster of(int width, int height, int[] rgb, boolean lightOnDark) {
		GrayU8 gray = new GrayU8(width, height);
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			gray.data[i] = (byte) (lightOnDark ? 255 - Math.min((p >> 16) & 0xFF, (p >> 8) & 0xFF) : brightness(p));
		}
		return new Raster(width, height, rgb, gray, lightOnDark);
	}

	private static int brightness(int p) {
		return Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
	}

	private static boolean lightOnDark(int[] histogram, int pixels) {
		int floor = Shades.percentile(histogram, pixels, 0.5);
		long above = 0;
		long below = 0;
		for (int value = 0; value < 256; value++) {
			above += (value > floor + DRAWN) ? histogram[value] : 0;
			below += (value < floor - DRAWN) ? histogram[value] : 0;
		}
		return floor < DARK_FLOOR || above > below;
	}

	double diagonal() {
		return Math.hypot(this.width, this.height);
	}

}

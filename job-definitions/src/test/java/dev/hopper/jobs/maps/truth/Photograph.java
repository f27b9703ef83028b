package dev.hopper.jobs.maps.truth;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;

/**
 * Makes a clean plan look like a phone photo of a printout: a perspective warp (each corner
 * pulled in by up to 6 %), uneven light, lens blur, sensor noise and JPEG at quality 70.
 * The truth goes through the same warp.
 */
final class Photograph {

	private Photograph() {
	}

	static FloorPlanGenerator.GeneratedPlan of(FloorPlanGenerator.GeneratedPlan plan, Random random) {
		Taken taken = of(plan.image(), plan.truth(), random);
		return new FloorPlanGenerator.GeneratedPlan(plan.spec(), plan.strokes(), taken.image(), taken.truth());
	}

	/** A photograph of a plan and its truth moved with it. */
	record Taken(BufferedImage image, ParkingMap truth) {
	}

	static Taken of(BufferedImage source, ParkingMap truth, Random random) {
		int w = source.getWidth();
		int h = source.getHeight();
		double[][] from = { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } };
		double[][] to = new double[4][];
		for (int i = 0; i < 4; i++) {
			double inX = (i == 0 || i == 3) ? 1 : -1;
			double inY = (i < 2) ? 1 : -1;
			to[i] = new double[] { from[i][0] + inX * w * 0.06 * random.nextDouble(),
					from[i][1] + inY * h * 0.06 * random.nextDouble() };
		}
		double[] forward = homography(from, to);
		double[] backward = homography(to, from);
		BufferedImage warped = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		double lightAngle = random.nextDouble() * 2 * Math.PI;
		int[] pixels = source.getRGB(0, 0, w, h, null, 0, w);
		int[] out = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double[] at = apply(backward, x + 0.5, y + 0.5);
				int rgb = sample(pixels, w, h, at[0] - 0.5, at[1] - 0.5);
				double along = ((x - w / 2.0) * Math.cos(lightAngle) + (y - h / 2.0) * Math.sin(lightAngle))
						/ Math.hypot(w, h);
				double light = 0.93 + 0.14 * along;
				out[y * w + x] = shade(rgb, light, random);
			}
		}
		warped.setRGB(0, 0, w, h, out, 0, w);
		BufferedImage blurred = new ConvolveOp(gaussian(0.8), ConvolveOp.EDGE_NO_OP, null).filter(warped, null);
		BufferedImage photo = decode(MapFixtures.jpeg(blurred, 0.7f));
		return new Taken(photo, Truths.mapPoints(truth, (p) -> {
			double[] mapped = apply(forward, p.x(), p.y());
			return new Point(mapped[0], mapped[1]);
		}));
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int shade(int rgb, double light, Random random) {
		int r = channel(((rgb >> 16) & 0xFF) * light + random.nextGaussian() * 6);
		int g = channel(((rgb >> 8) & 0xFF) * light + random.nextGaussian() * 6);
		int b = channel((rgb & 0xFF) * light + random.nextGaussian() * 6);
		return (r << 16) | (g << 8) | b;
	}

	private static int channel(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

	/** Bilinear; outside the sheet is a grey table. */
	private static int sample(int[] image, int width, int height, double x, double y) {
		int x0 = (int) Math.floor(x);
		int y0 = (int) Math.floor(y);
		if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
			return 0x707070;
		}
		double fx = x - x0;
		double fy = y - y0;
		int at = y0 * width + x0;
		int result = 0;
		for (int shift = 0; shift <= 16; shift += 8) {
			double top = ((image[at] >> shift) & 0xFF) * (1 - fx) + ((image[at + 1] >> shift) & 0xFF) * fx;
			double bottom = ((image[at + width] >> shift) & 0xFF) * (1 - fx) + ((image[at + width + 1] >> shift) & 0xFF) * fx;
			result |= channel(top * (1 - fy) + bottom * fy) << shift;
		}
		return result;
	}

	private static Kernel gaussian(double sigma) {
		int radius = 2;
		int size = 2 * radius + 1;
		float[] weights = new float[size * size];
		double sum = 0;
		for (int y = -radius; y <= radius; y++) {
			for (int x = -radius; x <= radius; x++) {
				double weight = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
				weights[(y + radius) * size + x + radius] = (float) weight;
				sum += weight;
			}
		}
		for (int i = 0; i < weights.length; i++) {
			weights[i] /= (float) sum;
		}
		return new Kernel(size, size, weights);
	}

	/** The 3×3 homography (h33 = 1) taking the four {@code from} points to {@code to}. */
	static double[] homography(double[][] from, double[][] to) {
		double[][] a = new double[8][9];
		for (int i = 0; i < 4; i++) {
			double x = from[i][0];
			double y = from[i][1];
			double u = to[i][0];
			double v = to[i][1];
			a[2 * i] = new double[] { x, y, 1, 0, 0, 0, -u * x, -u * y, u };
			a[2 * i + 1] = new double[] { 0, 0, 0, x, y, 1, -v * x, -v * y, v };
		}
		for (int col = 0; col < 8; col++) {
			int pivot = col;
			for (int row = col + 1; row < 8; row++) {
				if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = a[col];
			a[col] = a[pivot];
			a[pivot] = swap;
			for (int row = 0; row < 8; row++) {
				if (row != col) {
					double factor = a[row][col] / a[col][col];
					for (int k = col; k < 9; k++) {
						a[row][k] -= factor * a[col][k];
					}
				}
			}
		}
		double[] h = new double[9];
		for (int i = 0; i < 8; i++) {
			h[i] = a[i][8] / a[i][i];
		}
		h[8] = 1;
		return h;
	}

	static double[] apply(double[] h, double x, double y) {
		double w = h[6] * x + h[7] * y + h[8];
		return new double[] { (h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w };
	}

}

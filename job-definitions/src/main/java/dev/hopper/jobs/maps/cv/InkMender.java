package dev.hopper.jobs.maps.cv;

import java.util.function.BiConsumer;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;

/**
 * Doubled lines made one and short breaks closed: a closing (dilations, then as many
 * erosions) of the ink. Two thin lines drawn a hand's width apart as one stall line read,
 * unmended, as a narrow floor region between two stalls; a dashed line whose gaps are
 * shorter than twice the radius becomes solid. The same closing joins labels and pictograms
 * to the lines beside them, so the parser uses it only for a reading it is unsure of.
 */
final class InkMender {

	private InkMender() {
	}

	/** The ink closed by {@code radius} pixels; {@code ink} is not changed. */
	static GrayU8 mend(GrayU8 ink, int radius) {
		return erode(dilate(ink, radius), radius);
	}

	/** {@code image} eroded {@code times} times; {@code image} is not changed. */
	static GrayU8 erode(GrayU8 image, int times) {
		return repeat(image, times, (from, to) -> BinaryImageOps.erode8(from, 1, to));
	}

	/** {@code image} dilated {@code times} times; {@code image} is not changed. */
	static GrayU8 dilate(GrayU8 image, int times) {
		return repeat(image, times, (from, to) -> BinaryImageOps.dilate8(from, 1, to));
	}

	/** One step {@code times} times over, between two buffers of the image's size. */
	private static GrayU8 repeat(GrayU8 image, int times, BiConsumer<GrayU8, GrayU8> step) {
		GrayU8 current = image.clone();
		GrayU8 spare = image.createSameShape();
		for (int i = 0; i < times; i++) {
			step.accept(current, spare);
			GrayU8 swap = current;
			current = spare;
			spare = swap;
		}
		return current;
	}

}

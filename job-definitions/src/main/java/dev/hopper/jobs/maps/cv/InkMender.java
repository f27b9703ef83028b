package dev.hopper.jobs.maps.cv;

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
		GrayU8 closed = ink.clone();
		GrayU8 spare = ink.createSameShape();
		GrayU8 grown = dilate(closed, spare, radius);
		return erode(grown, (grown == closed) ? spare : closed, radius);
	}

	/** {@code image} eroded {@code times} times, with {@code spare} as the other buffer (both are overwritten). */
	static GrayU8 erode(GrayU8 image, GrayU8 spare, int times) {
		for (int i = 0; i < times; i++) {
			BinaryImageOps.erode8(image, 1, spare);
			GrayU8 swap = image;
			image = spare;
			spare = swap;
		}
		return image;
	}

	/** {@code image} dilated {@code times} times, with {@code spare} as the other buffer (both are overwritten). */
	static GrayU8 dilate(GrayU8 image, GrayU8 spare, int times) {
		for (int i = 0; i < times; i++) {
			BinaryImageOps.dilate8(image, 1, spare);
			GrayU8 swap = image;
			image = spare;
			spare = swap;
		}
		return image;
	}

}

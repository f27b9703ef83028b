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
		GrayU8 closed = ink;
		for (int i = 0; i < radius; i++) {
			closed = BinaryImageOps.dilate8(closed, 1, null);
		}
		for (int i = 0; i < radius; i++) {
			closed = BinaryImageOps.erode8(closed, 1, null);
		}
		return (radius > 0) ? closed : ink.clone();
	}

}

package dev.hopper.jobs.maps.cv;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.struct.ConfigLength;
import boofcv.struct.image.GrayU8;

/**
 * Which pixels are ink (1) and which are floor (0). A local-mean threshold, so uneven light
 * on a photographed printout and tinted floors or slot fills do not turn into ink; only
 * what is clearly darker than its surroundings does.
 */
final class InkMask {

	private InkMask() {
	}

	static GrayU8 of(Raster raster) {
		int window = (int) Math.max(31, raster.diagonal() / 12) | 1;
		GrayU8 ink = new GrayU8(raster.width(), raster.height());
		GThresholdImageOps.localMean(raster.gray(), ink, ConfigLength.fixed(window), 0.82, true, null, null, null);
		// ink must also be dark in absolute terms: tinted fills and shadows are not lines
		for (int i = 0; i < ink.data.length; i++) {
			if ((raster.gray().data[i] & 0xFF) > 170) {
				ink.data[i] = 0;
			}
		}
		return BinaryImageOps.removePointNoise(ink, null);
	}

}

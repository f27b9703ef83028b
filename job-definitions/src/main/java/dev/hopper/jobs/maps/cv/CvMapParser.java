package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import boofcv.struct.image.GrayU8;

import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * The offline parser: classical computer vision on the plan's pixels, no network. Ink is
 * separated from floor, the open fronts of stall rows are closed, closed regions shaped and
 * sized like stalls become slots.
 */
public final class CvMapParser {

	public ParkingMap parse(BufferedImage image) {
		Raster raster = Raster.of(image);
		GrayU8 ink = InkMask.of(raster);
		GrayU8 closed = ToothCloser.close(ink, raster.diagonal() / 80);
		SlotFinder.Regions regions = SlotFinder.find(closed);
		List<Slot> slots = new ArrayList<>();
		int n = 1;
		for (SlotFinder.Found found : regions.slots()) {
			slots.add(new Slot("S" + n++, SlotType.REGULAR, found.quad()));
		}
		return new ParkingMap(raster.width(), raster.height(), List.of(new Level("L1", slots, LaneGraph.empty(), List.of())),
				ParkingMap.Parser.cv(), null);
	}

}

package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import boofcv.struct.image.GrayU8;

import dev.hopper.jobs.maps.plan.Confidence;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.MapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * The offline parser: classical computer vision on the plan's pixels, no network. Ink is
 * separated from floor, the open fronts of stall rows are closed, closed regions shaped and
 * sized like stalls become slots, and the floor between them is traced as aisles.
 */
public final class CvMapParser implements MapParser {

	/** Bumped whenever a change can change a result: it keys the result cache. */
	public static final String VERSION = "cv-7";

	@Override
	public ParkingMap parse(BufferedImage image) {
		Raster raster = Raster.of(image);
		GrayU8 ink = InkMask.of(raster);
		double reach = raster.diagonal() / 80;
		ToothCloser.Closed closed = ToothCloser.close(DashJoiner.join(ink, reach), reach);
		SlotFinder.Regions regions = SlotFinder.find(closed.ink());
		List<SlotType> types = new SlotTyper(raster, ink, regions.labels()).types(regions.slots());
		List<Double> sureness = Certainty.slots(regions.slots());
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < regions.slots().size(); i++) {
			slots.add(new Slot("", types.get(i), regions.slots().get(i).quad(), sureness.get(i)));
		}
		List<List<Slot>> floors = Levels.group(slots);
		Aisles aisles = new Aisles(closed.ink());
		LabelReader labels = new LabelReader(raster);
		List<Level> levels = new ArrayList<>();
		List<Confidence.Doubt> doubts = new ArrayList<>();
		for (int f = 0; f < floors.size(); f++) {
			String id = "L" + (f + 1);
			Aisles.Found found = aisles.find(id, floors.get(f));
			List<Slot> named = SlotNames.name(floors.get(f), f);
			LabelReader.Read read = labels.read(named);
			Level level = new Level(id, SlotNames.preferLabels(named, read.texts()), found.lanes(), found.entrances());
			levels.add(level.with(level.slots(), Certainty.level(level, read, doubts)));
		}
		return new ParkingMap(raster.width(), raster.height(), levels, ParkingMap.Parser.cv(), null,
				Certainty.plan(levels, closed.skeleton(), doubts));
	}

}

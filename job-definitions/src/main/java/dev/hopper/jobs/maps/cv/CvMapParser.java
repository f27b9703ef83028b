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

	/** The closing radii, as fractions of the diagonal, an unsure reading is tried again with. */
	private static final double[] MENDINGS = { 1.0 / 900, 1.0 / 600 };

	@Override
	public ParkingMap parse(BufferedImage image) {
		Raster raster = Raster.of(image);
		GrayU8 ink = InkMask.of(raster);
		ParkingMap reading = read(raster, ink);
		// an unsure reading is read again with doubled lines and short breaks closed: what
		// mends those costs stalls on plans that need no mending, so it runs only for these
		for (double fraction : MENDINGS) {
			if (!reading.confidence().unsure()) {
				break;
			}
			ParkingMap mended = read(raster, InkMender.mend(ink, (int) Math.round(raster.diagonal() * fraction)));
			if (mended.confidence().score() > reading.confidence().score()) {
				reading = mended;
			}
		}
		return reading;
	}

	private static ParkingMap read(Raster raster, GrayU8 ink) {
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

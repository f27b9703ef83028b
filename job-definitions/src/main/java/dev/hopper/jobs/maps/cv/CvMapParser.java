package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;
import org.jspecify.annotations.Nullable;

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
		ParkingMap reading = read(raster, ink, ink, SlotFinder.LINES_FIT, null);
		// an unsure reading is read again other ways, each of which would cost stalls on
		// plans that need it not, until one is sure; the surest reading is kept
		List<Supplier<ParkingMap>> others = List.of(
				// doubled lines made one and short breaks closed, at two radii
				() -> read(raster, InkMender.mend(ink, (int) Math.round(raster.diagonal() / 900)), ink, SlotFinder.LINES_FIT, null),
				() -> read(raster, InkMender.mend(ink, (int) Math.round(raster.diagonal() / 600)), ink, SlotFinder.LINES_FIT, null),
				// the other polarity, and both: light paint and dark walls on a mid-grey floor
				() -> {
					Raster flipped = raster.flipped();
					GrayU8 flippedInk = InkMask.of(flipped);
					return read(flipped, flippedInk, flippedInk, SlotFinder.LINES_FIT, null);
				},
				() -> {
					GrayU8 both = BinaryImageOps.logicOr(ink, InkMask.of(raster.flipped()), null);
					return read(raster, both, ink, SlotFinder.LINES_FIT, null);
				},
				// stalls drawn as tiles, filled and set apart by the floor, with no lines
				() -> {
					GrayU8 tiles = Tiles.drawn(raster);
					return read(raster, BinaryImageOps.invert(tiles, null), ink, SlotFinder.TILES_FIT,
							BinaryImageOps.thin(tiles.clone(), 50, null));
				});
		for (Supplier<ParkingMap> other : others) {
			if (!reading.confidence().unsure()) {
				break;
			}
			ParkingMap again = other.get();
			if (again.confidence().score() > reading.confidence().score()) {
				reading = again;
			}
		}
		return reading;
	}

	/**
	 * Reads stalls from the regions {@code lines} enclose (quadrilaterals to {@code minFit}),
	 * and their pictograms from {@code marks}; the line work the stalls must explain is
	 * {@code drawing}, a skeleton, or where null that of {@code lines}.
	 */
	private static ParkingMap read(Raster raster, GrayU8 lines, GrayU8 marks, double minFit,
			@Nullable GrayU8 drawing) {
		double reach = raster.diagonal() / 80;
		ToothCloser.Closed closed = ToothCloser.close(DashJoiner.join(lines, reach), reach);
		SlotFinder.Regions regions = SlotFinder.find(closed.ink(), minFit);
		List<SlotType> types = new SlotTyper(raster, marks, regions.labels()).types(regions.slots());
		List<Double> sureness = Certainty.slots(regions);
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
				Certainty.plan(levels, (drawing != null) ? drawing : closed.skeleton(), doubts));
	}

}

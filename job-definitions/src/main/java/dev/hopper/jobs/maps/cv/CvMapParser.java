package dev.hopper.jobs.maps.cv;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import boofcv.alg.filter.binary.BinaryImageOps;
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
	public static final String VERSION = "cv-9";

	@Override
	public ParkingMap parse(BufferedImage image) {
		Raster raster = Raster.of(image);
		GrayU8 ink = InkMask.of(raster);
		Probe first = probe(raster, ink, ink, true);
		ParkingMap reading = read(first);
		if (!reading.confidence().unsure()) {
			return reading;
		}
		// an unsure reading is tried again other ways, each of which would cost stalls on
		// plans that need it not; each is only probed (stalls and line work, no labels or
		// aisles), and the surest probe read in full
		Flipped flipped = new Flipped(raster);
		List<Supplier<Probe>> others = List.of(
				// doubled lines made one and short breaks closed, at two radii
				() -> probe(raster, InkMender.mend(ink, (int) Math.round(raster.diagonal() / 900)), ink, false),
				() -> probe(raster, InkMender.mend(ink, (int) Math.round(raster.diagonal() / 600)), ink, false),
				// the other polarity, and both: light paint and dark walls on a mid-grey floor
				() -> probe(flipped.raster(), flipped.ink(), flipped.ink(), true),
				() -> probe(raster, BinaryImageOps.logicOr(ink, flipped.ink(), null), ink, true),
				// stalls drawn as tiles, filled and set apart by the floor, with no lines: the
				// strips of floor between tiles close them already
				() -> {
					GrayU8 tiles = TiledStalls.drawn(raster);
					return probe(raster, new ToothCloser.Closed(BinaryImageOps.invert(tiles, null),
							BinaryImageOps.thin(tiles.clone(), 50, null)), ink, SlotFinder.TILES_FIT);
				});
		Probe best = first;
		for (Supplier<Probe> other : others) {
			Probe probe = other.get();
			best = (probe.score() > best.score()) ? probe : best;
			if (best.score() >= SURE_PROBE) {
				break;
			}
		}
		if (best != first) {
			ParkingMap again = read(best);
			reading = (again.confidence().score() > reading.confidence().score()) ? again : reading;
		}
		return reading;
	}

	/** A probe this sure stops the search: its full reading, which can only lose to doubts about labels and aisles, is likely sure. */
	private static final double SURE_PROBE = 0.75;

	/** A way of reading the plan, tried as far as its stalls and how much of the line work they explain. */
	private record Probe(Raster raster, ToothCloser.Closed closed, GrayU8 marks, SlotFinder.Regions regions,
			List<Double> sureness, double score) {
	}

	/**
	 * Probes the stalls {@code lines} enclose once their fronts are closed, with their
	 * pictograms in {@code marks}. Solid dashes are joined as wide as they are only in ink as
	 * drawn: mended ink has its words closed into solid marks too.
	 */
	private static Probe probe(Raster raster, GrayU8 lines, GrayU8 marks, boolean asDrawn) {
		double reach = raster.diagonal() / 80;
		return probe(raster, ToothCloser.close(DashJoiner.join(lines, reach, asDrawn), reach), marks,
				SlotFinder.LINES_FIT);
	}

	/** Probes the stalls {@code closed} encloses, quadrilaterals to {@code minFit}. */
	private static Probe probe(Raster raster, ToothCloser.Closed closed, GrayU8 marks, double minFit) {
		SlotFinder.Regions regions = SlotFinder.find(closed.ink(), minFit);
		List<Double> sureness = Certainty.slots(regions);
		return new Probe(raster, closed, marks, regions, sureness,
				Certainty.sketch(regions.slots().stream().map(SlotFinder.Found::quad).toList(), sureness, closed.skeleton()));
	}

	/** The plan read in the other polarity, made when first asked for. */
	private static final class Flipped {

		private final Raster original;

		private Raster raster;

		private GrayU8 ink;

		Flipped(Raster original) {
			this.original = original;
		}

		Raster raster() {
			if (this.raster == null) {
				this.raster = this.original.flipped();
			}
			return this.raster;
		}

		GrayU8 ink() {
			if (this.ink == null) {
				this.ink = InkMask.of(raster());
			}
			return this.ink;
		}

	}

	/** The probe read in full: types, floors, names, labels and aisles, and the confidence of it all. */
	private static ParkingMap read(Probe probe) {
		Raster raster = probe.raster();
		ToothCloser.Closed closed = probe.closed();
		SlotFinder.Regions regions = probe.regions();
		List<SlotType> types = new SlotTyper(raster, probe.marks(), regions.labels()).types(regions.slots());
		List<Double> sureness = probe.sureness();
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

package dev.hopper.jobs.maps.llm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hopper.jobs.maps.Overlay;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.MapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/**
 * The CV parser's geometry with the model's reading: the CV outlines are drawn and numbered
 * over the plan, and the model, looking at that overlay, says for each number whether it is
 * a stall, its painted label and its type. Outlines the model rejects are dropped; a label
 * it cannot read, or one already taken on the floor, keeps the CV name.
 */
public final class HybridMapParser implements MapParser {

	private final VisionModel model;

	private final MapParser geometry;

	/** @param geometry the parser whose outlines the model labels: the CV parser */
	public HybridMapParser(VisionModel model, MapParser geometry) {
		this.model = model;
		this.geometry = geometry;
	}

	@Override
	public ParkingMap parse(BufferedImage plan) {
		return label(plan, this.geometry.parse(plan));
	}

	/** The model's labels on {@code geometry}, the CV parser's reading of {@code plan}. */
	public ParkingMap label(BufferedImage plan, ParkingMap geometry) {
		List<Slot> all = geometry.slots();
		ParkingMap numbered = numbered(geometry);
		double scale = Math.min(1, (double) this.model.maxImageSide() / Math.max(plan.getWidth(), plan.getHeight()));
		Shown shown = Shown.of(Overlay.draw(plan, numbered), 0, 0, plan.getWidth(), plan.getHeight(), scale);
		LabelAnswer answer = this.model.answer(Prompts.LABELS, shown.image(), LabelAnswer.class,
				(a) -> check(a, all.size()));
		Map<Integer, LabelAnswer.Outline> byNumber = new HashMap<>();
		answer.outlines().forEach((outline) -> byNumber.put(outline.number(), outline));
		List<Level> levels = new ArrayList<>();
		int number = 0;
		for (Level level : geometry.levels()) {
			List<Slot> slots = new ArrayList<>();
			Set<String> taken = new HashSet<>();
			for (Slot slot : level.slots()) {
				LabelAnswer.Outline label = byNumber.get(++number);
				if (label == null) {
					slots.add(slot);
				}
				else if (label.stall()) {
					String id = (label.id().isBlank() || !taken.add(label.id().trim())) ? slot.id() : label.id().trim();
					slots.add(slot.named(id, SlotType.valueOf(label.type().name())));
				}
			}
			levels.add(level.with(slots, level.confidence()));
		}
		// the geometry and the measure of it are the CV parser's
		return geometry.with(levels, new ParkingMap.Parser("hybrid", this.model.name(), Prompts.VERSION),
				geometry.confidence());
	}

	/** The CV map with its stalls named 1, 2, 3… in reading order, as the model is shown it. */
	private static ParkingMap numbered(ParkingMap map) {
		List<Level> levels = new ArrayList<>();
		int number = 0;
		for (Level level : map.levels()) {
			List<Slot> slots = new ArrayList<>();
			for (Slot slot : level.slots()) {
				slots.add(new Slot(String.valueOf(++number), slot.type(), slot.polygon()));
			}
			levels.add(new Level(level.id(), slots, level.lanes(), level.entrances()));
		}
		return new ParkingMap(map.width(), map.height(), levels, map.parser(), null);
	}

	private static void check(LabelAnswer answer, int outlines) {
		PlanAnswerCheck.require(answer.outlines() != null, "no outlines");
		Set<Integer> seen = new HashSet<>();
		for (LabelAnswer.Outline outline : answer.outlines()) {
			PlanAnswerCheck.require(outline != null && outline.id() != null && outline.type() != null,
					"an outline lacks its id or type");
			PlanAnswerCheck.require(outline.number() >= 1 && outline.number() <= outlines && seen.add(outline.number()),
					"outline number " + outline.number() + " is not one drawn, or given twice");
		}
	}

}

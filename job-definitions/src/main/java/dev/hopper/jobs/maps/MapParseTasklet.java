package dev.hopper.jobs.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskLinks;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.maps.cv.CvMapParser;
import dev.hopper.jobs.maps.llm.HybridMapParser;
import dev.hopper.jobs.maps.llm.ModelUnavailable;
import dev.hopper.jobs.maps.llm.VisionLlmMapParser;
import dev.hopper.jobs.maps.llm.VisionModel;
import dev.hopper.jobs.maps.plan.Confidence;
import dev.hopper.jobs.maps.plan.MapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Parses one plan: decode it (after the size check), parse it with the parser the task's
 * params ask for ({@code auto} when a model is configured and none is named, else CV),
 * store the overlay, store the result once. {@code auto} reads with CV and, when that
 * reading is unsure, asks the model, and the result says so under {@code escalated}. When
 * the model does not answer, the CV parser stands in and the result says so under
 * {@code degraded}. A re-run after a crash does the same work again and writes the same
 * overlay; the result is still written once.
 */
class MapParseTasklet implements Tasklet {

	static final String PARSER_UNAVAILABLE = "parser_unavailable";

	/** The result's note that {@code auto} went on from an unsure CV reading to the model, and why. */
	static final String ESCALATED = "escalated";

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final BlobStore blobs;

	private final ResultStore results;

	private final MapJobProperties properties;

	private final @Nullable VisionModel model;

	private final CvMapParser cv = new CvMapParser();

	MapParseTasklet(TaskQueries tasks, TaskLifecycle lifecycle, BlobStore blobs, ResultStore results,
			MapJobProperties properties, @Nullable VisionModel model) {
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.blobs = blobs;
		this.results = results;
		this.properties = properties;
		this.model = model;
	}

	private MapParser parserFor(MapParams.Parser parser, MapParser cv) {
		return switch (parser) {
			case AUTO, CV -> cv;
			case VISION_LLM -> new VisionLlmMapParser(this.model);
			case HYBRID -> new HybridMapParser(this.model, cv);
		};
	}

	@Override
	@SuppressWarnings("unchecked")
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String taskId = chunkContext.getStepContext().getStepExecution().getJobParameters().getString("taskId");
		Task task = JobRun.task(taskId, this.tasks);
		MapParams.Parser requested = MapParams.of(task.params(), (this.model != null) ? MapParams.Parser.AUTO
				: MapParams.Parser.CV).parser();
		if (requested.needsModel() && this.model == null) {
			throw new PermanentFailure(PARSER_UNAVAILABLE,
					"The parser '" + requested.wireName() + "' needs a vision model, and none is configured here");
		}
		JobRun.report(this.lifecycle, taskId, new Progress(0, 2));
		BufferedImage image = PlanImage.load(task, this.blobs, this.properties.maxImagePixels());
		// the CV reading is made at most once: hybrid's geometry is also the stand-in's answer
		ParkingMap[] cvReading = new ParkingMap[1];
		MapParser cv = (plan) -> (cvReading[0] != null) ? cvReading[0] : (cvReading[0] = this.cv.parse(plan));
		Map<String, Object> result = new LinkedHashMap<>();
		MapParams.Parser parser = requested;
		if (requested == MapParams.Parser.AUTO && this.model != null) {
			Confidence sureness = cv.parse(image).confidence();
			if (sureness != null && sureness.unsure()) {
				// outlines the CV parser missed only the model's own reading can add; doubts
				// about the outlines it found, the model can settle by labelling them
				parser = sureness.missesStalls() ? MapParams.Parser.VISION_LLM : MapParams.Parser.HYBRID;
				result.put(ESCALATED, Map.of("from", MapParams.Parser.CV.wireName(), "to", parser.wireName(),
						"confidence", sureness.toDocument().get("score"), "reasons", sureness.reasons()));
			}
		}
		ParkingMap map;
		try {
			map = parserFor(parser, cv).parse(image);
		}
		catch (ModelUnavailable ex) {
			// the model is away: the offline parser stands in, and the result says so
			map = cv.parse(image);
			result.put(ResultCache.DEGRADED, Map.of("from", parser.wireName(), "reason", ex.reason(), "detail",
					ex.getMessage()));
		}
		JobRun.report(this.lifecycle, taskId, new Progress(1, 2));
		String overlayKey = BlobKeys.overlay(taskId);
		this.blobs.put(overlayKey, new ByteArrayInputStream(Png.encode(Overlay.draw(image, map))), "image/png");
		Map<String, Object> document = map.withOverlayUrl(TaskLinks.overlay(taskId)).toDocument();
		((Map<String, Object>) document.get("parser")).put("requested", requested.wireName());
		document.putAll(result);
		JobRun.save(this.results, taskId, document);
		JobRun.report(this.lifecycle, taskId, new Progress(2, 2));
		return RepeatStatus.FINISHED;
	}

}

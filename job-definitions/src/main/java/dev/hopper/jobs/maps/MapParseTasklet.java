package dev.hopper.jobs.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import dev.hopper.jobs.maps.plan.MapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Parses one plan: decode it (after the size check), parse it with the parser the task's
 * params ask for (the vision model's when one is configured and none is named, else CV),
 * store the overlay, store the result once. When the model does not answer, the CV parser
 * stands in and the result says so under {@code degraded}. A re-run after a crash does
 * the same work again and writes the same overlay; the result is still written once.
 */
class MapParseTasklet implements Tasklet {

	static final String PARSER_UNAVAILABLE = "parser_unavailable";

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
			case CV -> cv;
			case VISION_LLM -> new VisionLlmMapParser(this.model);
			case HYBRID -> new HybridMapParser(this.model, cv);
		};
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String taskId = chunkContext.getStepContext().getStepExecution().getJobParameters().getString("taskId");
		Task task = JobRun.task(taskId, this.tasks);
		MapParams.Parser parser = MapParams.of(task.params(), (this.model != null) ? MapParams.Parser.VISION_LLM
				: MapParams.Parser.CV).parser();
		if (parser != MapParams.Parser.CV && this.model == null) {
			throw new PermanentFailure(PARSER_UNAVAILABLE,
					"The parser '" + parser.wireName() + "' needs a vision model, and none is configured here");
		}
		this.lifecycle.reportProgress(taskId, new Progress(0, 2));
		BufferedImage image = PlanImage.load(task, this.blobs, this.properties.maxImagePixels());
		Map<String, Object> degraded = null;
		// the CV reading is made at most once: hybrid's geometry is also the stand-in's answer
		ParkingMap[] cvReading = new ParkingMap[1];
		MapParser cv = (plan) -> (cvReading[0] != null) ? cvReading[0] : (cvReading[0] = this.cv.parse(plan));
		ParkingMap map;
		try {
			map = parserFor(parser, cv).parse(image);
		}
		catch (ModelUnavailable ex) {
			// the model is away: the offline parser stands in, and the result says so
			map = cv.parse(image);
			degraded = Map.of("from", parser.wireName(), "reason", ex.reason(), "detail", ex.getMessage());
		}
		this.lifecycle.reportProgress(taskId, new Progress(1, 2));
		String overlayKey = BlobKeys.overlay(taskId);
		this.blobs.put(overlayKey, new ByteArrayInputStream(Png.encode(Overlay.draw(image, map))), "image/png");
		Map<String, Object> result = map.withOverlayUrl(TaskLinks.overlay(taskId)).toDocument();
		if (degraded != null) {
			result.put(ResultCache.DEGRADED, degraded);
		}
		this.results.saveOnce(taskId, result);
		this.lifecycle.reportProgress(taskId, new Progress(2, 2));
		return RepeatStatus.FINISHED;
	}

}

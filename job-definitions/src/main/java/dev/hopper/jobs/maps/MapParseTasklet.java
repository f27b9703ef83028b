package dev.hopper.jobs.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.maps.cv.CvMapParser;
import dev.hopper.jobs.maps.plan.ParkingMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Parses one plan: decode it (after the size check), parse it with the parser the task's
 * params ask for, store the overlay, store the result once. A re-run after a crash does
 * the same work again and writes the same overlay; the result is still written once.
 */
class MapParseTasklet implements Tasklet {

	static final String PARSER_UNAVAILABLE = "parser_unavailable";

	private final TaskStore tasks;

	private final BlobStore blobs;

	private final ResultStore results;

	private final MapJobProperties properties;

	MapParseTasklet(TaskStore tasks, BlobStore blobs, ResultStore results, MapJobProperties properties) {
		this.tasks = tasks;
		this.blobs = blobs;
		this.results = results;
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String taskId = chunkContext.getStepContext().getStepExecution().getJobParameters().getString("taskId");
		Task task = this.tasks.find(taskId)
			.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + taskId + " does not exist"));
		MapParams params = MapParams.of(task.params());
		if (params.parser() != MapParams.Parser.CV) {
			throw new PermanentFailure(PARSER_UNAVAILABLE,
					"The parser '" + params.parser().wireName() + "' needs a vision model, and none is configured here");
		}
		this.tasks.reportProgress(taskId, new Progress(0, 2));
		BufferedImage image = PlanImage.load(task, this.blobs, this.properties.maxImagePixels());
		ParkingMap map = new CvMapParser().parse(image);
		this.tasks.reportProgress(taskId, new Progress(1, 2));
		String overlayKey = BlobKeys.overlay(taskId);
		this.blobs.put(overlayKey, new ByteArrayInputStream(png(Overlay.draw(image, map))), "image/png");
		this.results.saveOnce(taskId, map.withOverlayUrl(overlayUrl(taskId)).toDocument());
		return RepeatStatus.FINISHED;
	}

	/** Where clients fetch the overlay; the api serves it to the task's own tenant only. */
	static String overlayUrl(String taskId) {
		return "/api/v1/tasks/" + taskId + "/overlay";
	}

	private static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

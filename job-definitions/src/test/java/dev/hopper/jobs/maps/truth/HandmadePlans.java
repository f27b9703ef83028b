package dev.hopper.jobs.maps.truth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.hopper.jobs.maps.plan.ParkingMap;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plans made by other means than {@link FloorPlanGenerator}: SVG written by hand, rendered
 * by Chromium (tools/map-scoring/render-handmade), each with its truth as the browser placed
 * it. They are drawn at about 20 pixels a metre.
 */
public final class HandmadePlans {

	/** An aisle (6.5 m) in the hand-made plans' pixels: how near an entrance must be to count. */
	public static final double AISLE_PIXELS = 6.5 * 20;

	private HandmadePlans() {
	}

	public record Plan(String name, BufferedImage image, ParkingMap truth) {

		/** The plan photographed: warped, unevenly lit, blurred, noisy and saved as JPEG. */
		public Plan photographed(long seed) {
			Photograph.Taken taken = Photograph.of(this.image, this.truth, new Random(seed));
			return new Plan(this.name + " (photographed)", taken.image(), taken.truth());
		}

	}

	@SuppressWarnings("unchecked")
	public static List<Plan> all() {
		try (Stream<Path> files = Files.list(folder())) {
			ObjectMapper json = new ObjectMapper();
			return files.filter((f) -> f.toString().endsWith(".truth.json")).sorted().map((truth) -> {
				String name = truth.getFileName().toString().replace(".truth.json", "");
				try {
					BufferedImage image = ImageIO.read(truth.resolveSibling(name + ".png").toFile());
					return new Plan(name, image, MapFixtures.read(json.readValue(truth.toFile(), Map.class)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path folder() {
		try {
			return Path.of(HandmadePlans.class.getResource("/dev/hopper/jobs/maps/handmade").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.hopper.standalone;

import java.util.List;
import java.util.Map;

import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.MapFixtures;
import dev.hopper.jobs.maps.truth.PlanScorer;
import dev.hopper.jobs.maps.truth.PlanSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floor plans: parsed through the API, clean and photographed, with the overlay served;
 * hostile plans fail their task.
 */
interface MapScenarios extends Scenario {

	@Test
	default void aGeneratedPlanIsParsedAsPngAndAsAPhotographedJpegAndItsOverlayIsServed() throws Exception {
		FloorPlanGenerator generator = new FloorPlanGenerator();
		FloorPlanGenerator.GeneratedPlan clean = generator.generate(new PlanSpec(PlanSpec.Style.CAD, 8, 60, 1, false, 11));
		FloorPlanGenerator.GeneratedPlan photo = generator
			.generate(new PlanSpec(PlanSpec.Style.COLOURED, -12, 90, 1, true, 12));
		String cleanId = submitPlan(MapFixtures.png(clean.image()));
		String photoId = submitPlan(MapFixtures.jpeg(photo.image(), 0.85f));

		for (var plan : List.of(Map.entry(cleanId, clean), Map.entry(photoId, photo))) {
			JsonNode finished = awaitFinished(plan.getKey());
			assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
			assertThat(finished.get("progress").get("percent").asInt()).isEqualTo(100);
			@SuppressWarnings("unchecked")
			Map<String, Object> result = tools.jackson.databind.json.JsonMapper.builder().build()
				.readValue(http().get("/api/v1/tasks/" + plan.getKey() + "/result").body(), Map.class);
			// the OpenAPI document's type for a plan holds what a real one holds
			JsonNode schemas = http().withKey(null).get("/v3/api-docs").json().get("components").get("schemas");
			assertThat(schemas.get("MapPlanResult").get("properties").propertyNames()).containsAll(result.keySet());
			@SuppressWarnings("unchecked")
			Map<String, Object> firstLevel = ((List<Map<String, Object>>) result.get("levels")).get(0);
			assertThat(schemas.get("MapLevel").get("properties").propertyNames())
				.containsExactlyInAnyOrderElementsOf(firstLevel.keySet());
			@SuppressWarnings("unchecked")
			Map<String, Object> firstSlot = ((List<Map<String, Object>>) firstLevel.get("slots")).get(0);
			assertThat(schemas.get("MapSlot").get("properties").propertyNames())
				.containsExactlyInAnyOrderElementsOf(firstSlot.keySet());
			@SuppressWarnings("unchecked")
			Map<String, Object> confidence = (Map<String, Object>) result.get("confidence");
			assertThat(schemas.get("MapConfidence").get("properties").propertyNames())
				.containsExactlyInAnyOrderElementsOf(confidence.keySet());
			assertThat(confidence.get("unsure")).as(confidence.toString()).isEqualTo(false);
			var parsed = MapFixtures.read(result);
			var score = PlanScorer.score(plan.getValue().truth(), parsed, 6.5 * 12);
			double wanted = plan.getValue().spec().photographed() ? 0.90 : 0.98;
			assertThat(score.f1()).as("slot F1 of " + plan.getValue().spec().name() + ": " + score).isGreaterThanOrEqualTo(wanted);
			assertThat(parsed.parser().kind()).isEqualTo("cv");
			assertThat(parsed.width()).isEqualTo(plan.getValue().image().getWidth());

			byte[] overlay = http().getBytes(parsed.overlayUrl());
			java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(overlay));
			assertThat(drawn.getWidth()).isEqualTo(parsed.width());
			assertThat(drawn.getHeight()).isEqualTo(parsed.height());
		}
		// another tenant sees neither the task nor its overlay
		String otherKey = http().withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/plans-elsewhere/keys", "application/json", "{\"name\": \"ci\"}")
			.json().get("key").asString();
		assertProblem(http().withKey(otherKey).get("/api/v1/tasks/" + cleanId + "/overlay"), 404, "task_not_found");
	}

	/** Line work with no stall in it: without a model, auto is the CV parser, and its empty reading is marked. */
	@Test
	default void aDrawingWithoutStallsIsAResultMarkedUnsureNotAConfidentEmptyPlan() throws Exception {
		java.awt.image.BufferedImage sketch = new java.awt.image.BufferedImage(800, 600,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = sketch.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, 800, 600);
		g.setColor(java.awt.Color.BLACK);
		g.setStroke(new java.awt.BasicStroke(3));
		g.drawRect(40, 40, 720, 520);
		g.drawLine(40, 300, 500, 300);
		g.drawString("Level 1 - under construction", 300, 200);
		g.dispose();
		Http.Response accepted = http().postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file",
				MapFixtures.png(sketch), "params", "{\"parser\": \"auto\"}"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		JsonNode result = http().get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.get("parser").get("kind").asString()).isEqualTo("cv");
		assertThat(result.get("parser").get("requested").asString()).isEqualTo("auto");
		assertThat(result.get("levels").get(0).get("slots").size()).isZero();
		JsonNode confidence = result.get("confidence");
		assertThat(confidence.get("unsure").asBoolean()).isTrue();
		assertThat(confidence.get("score").asDouble()).isZero();
		assertThat(confidence.get("doubts").get(0).get("reason").asString()).isEqualTo("no_stalls");
		assertThat(confidence.get("doubts").get(0).get("detail").asString()).contains("line work");
	}

	@Test
	default void hostilePlansFailTheirTaskWithAReasonAndNoRetry() {
		byte[] png = MapFixtures.png(new FloorPlanGenerator().generate(new PlanSpec(PlanSpec.Style.CAD, 0, 90, 1, false, 5))
			.image());
		Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
		// JPEG declares its size after its metadata, past what intake sniffs: the worker checks it before decoding
		hostile.put("image_too_large", MapFixtures.jpegDeclaring(60_000, 60_000));
		hostile.put("corrupt_image", java.util.Arrays.copyOf(png, png.length / 2));
		hostile.put("parser_unavailable", png);
		hostile.forEach((code, file) -> {
			Http.Response accepted = http().postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", file,
					"params", code.equals("parser_unavailable") ? "{\"parser\": \"vision-llm\"}" : "{}"));
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			JsonNode finished = awaitFinished(accepted.json().get("id").asString());
			assertThat(finished.get("state").asString()).as(code).isEqualTo("FAILED");
			assertThat(finished.get("error").get("code").asString()).isEqualTo(code);
			assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		});
	}

	default String submitPlan(byte[] image) {
		Http.Response accepted = http().postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", image));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

}

package dev.hopper.standalone;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.jobs.maps.llm.LoopbackModelServer;
import dev.hopper.jobs.maps.llm.Prompts;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.MapFixtures;
import dev.hopper.jobs.maps.truth.PlanScorer;
import dev.hopper.jobs.maps.truth.PlanSpec;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.HopperWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * map-parse with a vision model configured: the loopback model server stands in for it, and
 * two worker apps (each with its own API key, so the server tells them apart) share the
 * embedded Redis that counts the model's allowance. Through the API: schema-valid results
 * from the vision-LLM and hybrid paths, one allowance across both workers, the result
 * cache, the CV parser standing in when the model is down, and invalid answers failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisionModelIntegrationTests {

	private static final double AISLE_PIXELS = 6.5 * 12;

	private final LoopbackModelServer model = new LoopbackModelServer();

	private final FloorPlanGenerator generator = new FloorPlanGenerator();

	private EmbeddedInfrastructure infrastructure;

	private ConfigurableApplicationContext standalone;

	private ConfigurableApplicationContext secondWorker;

	private Http http;

	@BeforeAll
	void start() throws Exception {
		this.infrastructure = HopperStandalone.start(Files.createTempDirectory("hopper-vision-it"));
		Map<String, Object> properties = new HashMap<>(this.infrastructure.properties());
		properties.put("hopper.amqp.namespace", "hopper-vision-" + UUID.randomUUID().toString().substring(0, 8));
		properties.putAll(Http.keyProperties());
		properties.put("hopper.worker.concurrency", 2);
		properties.put("hopper.jobs.maps.model.name", "loopback-vision");
		properties.put("hopper.jobs.maps.model.base-url", this.model.baseUrl());
		properties.put("hopper.jobs.maps.model.timeout", "30s");
		properties.put("hopper.jobs.maps.model.max-attempts", 3);
		properties.put("hopper.jobs.maps.model.backoff", "100ms");
		// one request a second across all workers
		properties.put("hopper.jobs.maps.model.requests-per-minute", 60);
		properties.put("hopper.jobs.maps.model.rate-window", "1s");
		String[] second = args(properties, "worker-b");
		this.standalone = HopperStandalone.application(properties).run(args(properties, "worker-a"));
		this.secondWorker = HopperWorkers.application(Map.of()).run(second);
		this.http = new Http(((WebServerApplicationContext) this.standalone).getWebServer().getPort());
	}

	@AfterAll
	void stop() {
		if (this.secondWorker != null) {
			this.secondWorker.close();
		}
		if (this.standalone != null) {
			this.standalone.close();
		}
		if (this.infrastructure != null) {
			this.infrastructure.close();
		}
		this.model.close();
	}

	@BeforeEach
	void reset() {
		this.model.reset();
	}

	@Test
	void plansFromTwoWorkersShareOneAllowanceAndComeBackRight() {
		List<FloorPlanGenerator.GeneratedPlan> plans = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			// each turned its own way: plans of the same seed family can otherwise draw alike,
			// and the cache would (rightly) answer the second without the model
			FloorPlanGenerator.GeneratedPlan plan = this.generator
				.generate(new PlanSpec(PlanSpec.Style.CAD, 3 * i + 1, 90, 1, false, 100 + i));
			plans.add(plan);
			ids.add(submit(MapFixtures.png(plan.image()), "vision-llm"));
		}
		for (int i = 0; i < ids.size(); i++) {
			assertThat(awaitFinished(ids.get(i)).get("state").asString()).isEqualTo("SUCCEEDED");
			ParkingMap parsed = result(ids.get(i));
			assertThat(parsed.parser()).isEqualTo(new ParkingMap.Parser("vision-llm", "loopback-vision", Prompts.VERSION));
			assertThat(PlanScorer.score(plans.get(i).truth(), parsed, AISLE_PIXELS).f1()).isGreaterThanOrEqualTo(0.98);
		}
		List<LoopbackModelServer.Seen> seen = this.model.seen();
		assertThat(seen).hasSize(8);
		assertThat(seen).extracting(LoopbackModelServer.Seen::authorization)
			.contains("Bearer worker-a", "Bearer worker-b");
		// one a second, whichever worker asks: eight requests span seven seconds, give or take
		// the time from taking a permit to arriving at the server
		Duration span = Duration.ofNanos(seen.get(7).atNanos() - seen.get(0).atNanos());
		assertThat(span).isGreaterThan(Duration.ofMillis(6000));
		for (int i = 0; i + 2 < seen.size(); i++) {
			assertThat(Duration.ofNanos(seen.get(i + 2).atNanos() - seen.get(i).atNanos()))
				.as("three requests within a second").isGreaterThan(Duration.ofMillis(1000));
		}
	}

	@Test
	void theSamePlanAgainIsAnsweredFromTheCacheWithNoModelCall() {
		byte[] png = MapFixtures.png(this.generator.generate(new PlanSpec(PlanSpec.Style.SKETCH, 0, 45, 1, false, 120)).image());
		String first = submit(png, "vision-llm");
		assertThat(awaitFinished(first).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.model.seen()).hasSize(1);

		String again = submit(png, "vision-llm");
		JsonNode task = awaitFinished(again);
		assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(task.get("cached").asBoolean()).isTrue();
		assertThat(task.get("cachedFrom").asString()).isEqualTo(first);
		assertThat(this.model.seen()).hasSize(1);
		assertThat(result(again).slots()).isEqualTo(result(first).slots());
	}

	@Test
	void hybridKeepsTheCvOutlinesAndTakesTheModelsLabels() {
		FloorPlanGenerator.GeneratedPlan plan = this.generator
			.generate(new PlanSpec(PlanSpec.Style.COLOURED, 0, 60, 1, false, 121));
		int outlines = new dev.hopper.jobs.maps.cv.CvMapParser().parse(plan.image()).slots().size();
		StringBuilder labels = new StringBuilder("{\"outlines\": [");
		for (int n = 1; n <= outlines; n++) {
			labels.append((n > 1) ? "," : "")
				.append("{\"number\": %d, \"stall\": %b, \"id\": \"P-%d\", \"type\": \"%s\"}".formatted(n, n != 1, n,
						(n == 2) ? "ev" : "regular"));
		}
		this.model.labels(labels.append("]}").toString());

		String id = submit(MapFixtures.png(plan.image()), "hybrid");
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		ParkingMap parsed = result(id);
		assertThat(parsed.parser().kind()).isEqualTo("hybrid");
		assertThat(this.model.seen()).singleElement()
			.satisfies((seen) -> assertThat(seen.schema()).contains("LabelAnswer"));
		assertThat(parsed.slots()).hasSize(outlines - 1);
		assertThat(parsed.slots()).allSatisfy((slot) -> assertThat(slot.id()).startsWith("P-"));
		assertThat(parsed.slots()).filteredOn((slot) -> slot.id().equals("P-2")).singleElement()
			.satisfies((slot) -> assertThat(slot.type().wireName()).isEqualTo("ev"));
		assertThat(PlanScorer.score(plan.truth(), parsed, AISLE_PIXELS).precision()).isEqualTo(1.0);
	}

	@Test
	void whenTheModelIsDownTheCvParserStandsInAndItsResultIsNotCached() {
		byte[] png = MapFixtures.png(this.generator.generate(new PlanSpec(PlanSpec.Style.CAD, 17, 90, 1, false, 122)).image());
		this.model.fail(new LoopbackModelServer.Fault.RateLimited(1), new LoopbackModelServer.Fault.ServerError(),
				new LoopbackModelServer.Fault.ServerError());
		String id = submit(png, "vision-llm");
		JsonNode task = awaitFinished(id);
		assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(task.get("attempts").asInt()).isEqualTo(1);
		JsonNode result = this.http.get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.get("parser").get("kind").asString()).isEqualTo("cv");
		assertThat(result.get("degraded").get("from").asString()).isEqualTo("vision-llm");
		assertThat(result.get("degraded").get("reason").asString()).isEqualTo("model_unavailable");
		assertThat(result.get("levels").get(0).get("slots").size()).isGreaterThan(10);
		assertThat(this.model.seen()).hasSize(3);

		// the model is back: the same plan is parsed by it, not served the stand-in
		String again = submit(png, "vision-llm");
		assertThat(awaitFinished(again).get("cached").asBoolean()).isFalse();
		assertThat(result(again).parser().kind()).isEqualTo("vision-llm");
		assertThat(this.model.seen()).hasSize(4);
	}

	@Test
	void autoKeepsASureCvReadingAndAsksNoModel() {
		FloorPlanGenerator.GeneratedPlan plan = this.generator
			.generate(new PlanSpec(PlanSpec.Style.CAD, 8, 60, 1, false, 124));
		Http.Response accepted = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "map-parse", "file", MapFixtures.png(plan.image())));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		JsonNode result = this.http.get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.get("parser").get("kind").asString()).isEqualTo("cv");
		assertThat(result.get("parser").get("requested").asString()).as("auto is the default with a model").isEqualTo("auto");
		assertThat(result.has("escalated")).isFalse();
		assertThat(result.get("confidence").get("unsure").asBoolean()).isFalse();
		assertThat(result.get("levels").get(0).get("slots").get(0).get("confidence").asDouble()).isGreaterThan(0.5);
		assertThat(PlanScorer.score(plan.truth(), result(id), AISLE_PIXELS).f1()).isGreaterThanOrEqualTo(0.98);
		assertThat(this.model.seen()).isEmpty();
	}

	@Test
	void autoAsksTheModelWhenTheCvReadingMissesStallsAndSaysWhy() {
		// dashed and doubled stall lines, which the CV parser does not close into stalls
		FloorPlanGenerator.GeneratedPlan plan = new FloorPlanGenerator(12, true)
			.generate(new PlanSpec(PlanSpec.Style.CAD, 135, 90, 2, false, 19));
		ParkingMap cv = new dev.hopper.jobs.maps.cv.CvMapParser().parse(plan.image());
		assertThat(PlanScorer.score(plan.truth(), cv, AISLE_PIXELS).f1()).as("the CV reading is poor").isLessThan(0.5);
		this.model.answerPlansWith(LoopbackModelServer.planAnswer(plan.truth()));

		String id = submit(MapFixtures.png(plan.image()), "auto");
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		JsonNode result = this.http.get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.get("parser").get("kind").asString()).isEqualTo("vision-llm");
		assertThat(result.get("parser").get("requested").asString()).isEqualTo("auto");
		JsonNode escalated = result.get("escalated");
		assertThat(escalated.get("from").asString()).isEqualTo("cv");
		assertThat(escalated.get("to").asString()).isEqualTo("vision-llm");
		assertThat(escalated.get("confidence").asDouble()).isLessThan(0.6);
		assertThat(escalated.get("reasons").valueStream().map(JsonNode::asString))
			.containsAnyOf("no_stalls", "unexplained_ink");
		assertThat(this.model.seen()).singleElement()
			.satisfies((seen) -> assertThat(seen.schema()).doesNotContain("LabelAnswer"));
		assertThat(PlanScorer.score(plan.truth(), result(id), AISLE_PIXELS).f1()).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void twoAnswersThatBreakTheSchemaFailTheTaskOnce() {
		this.model.fail(new LoopbackModelServer.Fault.Malformed(), new LoopbackModelServer.Fault.SchemaViolation());
		String id = submit(MapFixtures.png(this.generator.generate(new PlanSpec(PlanSpec.Style.CAD, 33, 90, 1, false, 123))
			.image()), "vision-llm");
		JsonNode task = awaitFinished(id);
		assertThat(task.get("state").asString()).as(task.toString() + this.model.seen()).isEqualTo("FAILED");
		assertThat(task.get("error").get("code").asString()).isEqualTo("invalid_model_output");
		assertThat(task.get("attempts").asInt()).isEqualTo(1);
		assertThat(this.model.seen()).hasSize(2);
	}

	private String submit(byte[] image, String parser) {
		Http.Response accepted = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "map-parse", "file", image, "params", "{\"parser\": \"" + parser + "\"}"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

	@SuppressWarnings("unchecked")
	private ParkingMap result(String id) {
		return MapFixtures.read(JsonMapper.builder().build()
			.readValue(this.http.get("/api/v1/tasks/" + id + "/result").body(), Map.class));
	}

	private JsonNode awaitFinished(String id) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		JsonNode task = this.http.get("/api/v1/tasks/" + id).json();
		while (List.of("QUEUED", "RUNNING").contains(task.get("state").asString()) && Instant.now().isBefore(deadline)) {
			sleep();
			task = this.http.get("/api/v1/tasks/" + id).json();
		}
		return task;
	}

	private static String[] args(Map<String, Object> properties, String apiKey) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("hopper.jobs.maps.model.api-key", apiKey);
		all.put("server.port", 0);
		return all.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package dev.hopper.jobs.maps.llm;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.admission.RateLimiter;
import dev.hopper.jobs.maps.MapJobProperties;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.PlanScore;
import dev.hopper.jobs.maps.truth.PlanScorer;
import dev.hopper.jobs.maps.truth.PlanSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The vision-LLM parser and its request policy against the loopback model server: plans
 * shown downscaled or in tiles come back in the plan's pixels; faults are retried as they
 * should be, or end as they should. Allowances are counted across workers in Redis; that is
 * proven end to end (standalone's VisionModelIntegrationTests), so here every request may go.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisionLlmMapParserTests {

	private static final RateLimiter UNLIMITED = (key, amount, permits, interval) -> RateLimiter.Verdict.GRANTED;

	private final LoopbackModelServer server = new LoopbackModelServer();

	private SimpleMeterRegistry meters;

	@BeforeEach
	void reset() {
		this.server.reset();
		this.meters = new SimpleMeterRegistry();
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void aPlanShownDownscaledComesBackInItsOwnPixels() {
		FloorPlanGenerator.GeneratedPlan plan = new FloorPlanGenerator(24)
			.generate(new PlanSpec(PlanSpec.Style.CAD, 8, 60, 1, false, 21));
		ParkingMap parsed = parser(1024).parse(plan.image());

		assertThat(this.server.seen()).singleElement()
			.satisfies((seen) -> assertThat(Math.max(seen.imageWidth(), seen.imageHeight())).isEqualTo(1024));
		PlanScore score = PlanScorer.score(plan.truth(), parsed, 6.5 * 24);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.98);
		assertThat(score.meanIou()).as(score.toString()).isGreaterThan(0.8);
		assertThat(parsed.parser()).isEqualTo(new ParkingMap.Parser("vision-llm", "loopback-vision", Prompts.VERSION));
		assertThat(score.entranceRecall()).as(score.toString()).isEqualTo(1.0);
		assertThat(score.laneEdgeRecall()).as(score.toString()).isGreaterThanOrEqualTo(0.8);
	}

	@Test
	void aLargePlanIsShownInOverlappingTilesAndEachStallIsKeptOnce() {
		FloorPlanGenerator.GeneratedPlan plan = new FloorPlanGenerator(24)
			.generate(new PlanSpec(PlanSpec.Style.CAD, 0, 90, 2, false, 22));
		int side = Math.max(plan.image().getWidth(), plan.image().getHeight()) / 3;
		ParkingMap parsed = parser(side).parse(plan.image());

		assertThat(this.server.seen()).hasSizeGreaterThan(1)
			.allSatisfy((seen) -> assertThat(Math.max(seen.imageWidth(), seen.imageHeight())).isLessThanOrEqualTo(side));
		PlanScore score = PlanScorer.score(plan.truth(), parsed, 6.5 * 24);
		assertThat(score.precision()).as(score.toString()).isEqualTo(1.0);
		assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void aRateLimitedRequestWaitsAsLongAsRetryAfterSaysThenSucceeds() {
		this.server.fail(new LoopbackModelServer.Fault.RateLimited(1), new LoopbackModelServer.Fault.ServerError(),
				new LoopbackModelServer.Fault.Slow(Duration.ofSeconds(8)));
		ParkingMap parsed = parser(1024, Duration.ofSeconds(4)).parse(smallPlan());

		List<LoopbackModelServer.Seen> seen = this.server.seen();
		assertThat(seen).hasSize(4);
		assertThat(Duration.ofNanos(seen.get(1).atNanos() - seen.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(parsed.slots()).isNotEmpty();
		assertThat(this.meters.timer("hopper.model.requests", "model", "loopback-vision", "outcome", "rate_limited").count())
			.isEqualTo(1);
		assertThat(this.meters.timer("hopper.model.requests", "model", "loopback-vision", "outcome", "io_error").count())
			.isEqualTo(1);
		assertThat(this.meters.counter("hopper.model.tokens", "model", "loopback-vision", "kind", "prompt").count())
			.isEqualTo(1200);
	}

	@Test
	void aModelThatKeepsFailingIsUnavailableAfterItsAttempts() {
		for (int i = 0; i < 4; i++) {
			this.server.fail(new LoopbackModelServer.Fault.ServerError());
		}
		assertThatExceptionOfType(ModelUnavailable.class).isThrownBy(() -> parser(1024).parse(smallPlan()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("model_unavailable"));
		assertThat(this.server.seen()).hasSize(4);
	}

	@Test
	void anAnswerBreakingTheSchemaIsAskedForOnceMore() {
		this.server.fail(new LoopbackModelServer.Fault.SchemaViolation());
		assertThat(parser(1024).parse(smallPlan()).slots()).isNotEmpty();
		assertThat(this.server.seen()).hasSize(2);
	}

	@Test
	void twoAnswersThatAreNotJsonOfTheSchemaFailTheTask() {
		this.server.fail(new LoopbackModelServer.Fault.Malformed(), new LoopbackModelServer.Fault.SchemaViolation());
		assertThatExceptionOfType(PermanentFailure.class).isThrownBy(() -> parser(1024).parse(smallPlan()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid_model_output"));
		assertThat(this.server.seen()).hasSize(2);
	}

	private static java.awt.image.BufferedImage smallPlan() {
		return new FloorPlanGenerator().generate(new PlanSpec(PlanSpec.Style.CAD, 0, 90, 1, false, 23)).image();
	}

	private VisionLlmMapParser parser(int maxImageSide) {
		return parser(maxImageSide, Duration.ofSeconds(60));
	}

	private VisionLlmMapParser parser(int maxImageSide, Duration timeout) {
		MapJobProperties.Model settings = new MapJobProperties.Model("loopback-vision", this.server.baseUrl(), "test-key",
				timeout, 4, 600, 10_000_000, Duration.ofMinutes(1), Duration.ofSeconds(10), maxImageSide,
				4000, Duration.ofMillis(50));
		return new VisionLlmMapParser(new VisionModel(settings, UNLIMITED, this.meters));
	}

}

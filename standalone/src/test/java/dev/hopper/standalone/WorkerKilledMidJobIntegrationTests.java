package dev.hopper.standalone;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.api.HopperApi;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.HopperWorkers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker JVM is killed with SIGKILL in the middle of a 60-minute file, and the next one
 * too. Once a lease has expired, another worker takes the redelivered message, recovers the
 * job and resumes it at the first uncommitted segment; the result equals an uninterrupted
 * run's, to the bit. And a
 * worker stopped with SIGTERM hands its task back at a chunk boundary, costing no attempt.
 */
class WorkerKilledMidJobIntegrationTests {

	private static final int SAMPLE_RATE = 8_000;

	private static final int SEGMENT_FRAMES = 65_536;

	private static final long SEGMENTS = (60L * 60 * SAMPLE_RATE + SEGMENT_FRAMES - 1) / SEGMENT_FRAMES;

	@Test
	void aWorkerStoppedWithSigtermHandsItsTaskBackAtAChunkBoundary() throws Exception {
		Path data = Files.createTempDirectory("hopper-sigterm-it");
		try (EmbeddedInfrastructure infrastructure = HopperStandalone.start(data)) {
			List<String> args = arguments(infrastructure);
			try (ConfigurableApplicationContext api = HopperApi.application(Map.of())
				.run(args.toArray(String[]::new))) {
				Http http = new Http(((WebServerApplicationContext) api).getWebServer().getPort());
				long segments = (20L * 60 * SAMPLE_RATE + SEGMENT_FRAMES - 1) / SEGMENT_FRAMES;
				Process stopped = startWorkerProcess(args, data.resolve("stopped-worker.log"), "stopped");
				String id;
				try {
					id = submit(http, minutes(20), "sigterm");
					awaitProgress(http, id, segments / 10);
				}
				finally {
					// SIGTERM: a graceful stop
					stopped.destroy();
					stopped.waitFor();
				}
				Instant stoppedAt = Instant.now();
				JsonNode handedBack = http.get("/api/v1/tasks/" + id).json();
				assertThat(handedBack.get("state").asString()).isEqualTo("QUEUED");
				assertThat(handedBack.get("attempts").asInt()).as("a shutdown costs no attempt").isZero();

				try (ConfigurableApplicationContext survivor = HopperWorkers.application(Map.of())
					.run(args.toArray(String[]::new))) {
					JsonNode finished = awaitFinished(http, id);
					assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
					assertThat(finished.get("attempts").asInt()).isEqualTo(1);
					List<Document> steps = survivor.getBean(MongoTemplate.class).getCollection("BATCH_STEP_EXECUTION")
						.find(new Document("name", "audio-analysis")).sort(new Document("stepExecutionId", 1))
						.into(new ArrayList<>());
					assertThat(steps).hasSize(2);
					assertThat(steps.get(0).getString("status")).isEqualTo("STOPPED");
					long committed = committedSegments(steps.get(0), 0);
					MongoTemplate mongo = survivor.getBean(MongoTemplate.class);
					FaultReport.print("SIGTERM of a worker mid-job (20-minute file)", finished,
							duplicated(mongo, id, 1), stoppedAt, "segments read twice "
									+ (steps.get(1).get("readCount", Number.class).longValue() - (segments - committed)));
					assertThat(steps.get(0).get("writeCount", Number.class).longValue()).isEqualTo(committed);
					assertThat(committed).isBetween(segments / 10, segments - 1);
					assertThat(steps.get(1).get("readCount", Number.class).longValue())
						.as("stopped at a boundary: nothing is read twice")
						.isEqualTo(segments - committed);
				}
			}
		}
	}

	@Test
	void aSixtyMinuteFileResumesFromItsLastCommittedSegment() throws Exception {
		Path data = Files.createTempDirectory("hopper-kill-it");
		try (EmbeddedInfrastructure infrastructure = HopperStandalone.start(data)) {
			List<String> args = arguments(infrastructure);

			try (ConfigurableApplicationContext api = HopperApi.application(Map.of())
				.run(args.toArray(String[]::new))) {
				Http http = new Http(((WebServerApplicationContext) api).getWebServer().getPort());
				byte[] hour = minutes(60);

				String killed = submit(http, hour, "killed");
				killMidway(startWorkerProcess(args, data.resolve("doomed-worker.log"), "doomed"), http, killed,
						SEGMENTS / 5);
				// killed again after its restart: the second execution inherits the first's
				// recovered flag, and must be recovered all the same
				Instant lastKill = killMidway(startWorkerProcess(args, data.resolve("doomed-again-worker.log"),
						"doomed-again"), http, killed, SEGMENTS / 2);

				List<String> survivorArgs = new ArrayList<>(args);
				survivorArgs.add("--hopper.worker.id=survivor");
				try (ConfigurableApplicationContext survivor = HopperWorkers.application(Map.of())
					.run(survivorArgs.toArray(String[]::new))) {
					JsonNode resumed = awaitFinished(http, killed);
					assertThat(resumed.get("state").asString()).as(resumed.toString()).isEqualTo("SUCCEEDED");
					assertThat(resumed.get("attempts").asInt()).isEqualTo(3);

					String uninterrupted = submit(http, hour, "uninterrupted");
					JsonNode whole = awaitFinished(http, uninterrupted);
					assertThat(whole.get("state").asString()).isEqualTo("SUCCEEDED");
					assertThat(whole.get("cached").asBoolean()).as("computed afresh").isFalse();

					JsonNode resumedResult = http.get("/api/v1/tasks/" + killed + "/result").json();
					JsonNode wholeResult = http.get("/api/v1/tasks/" + uninterrupted + "/result").json();
					assertThat(resumedResult.get("durationSec").asDouble()).isEqualTo(3600.0);
					assertThat(resumedResult).isEqualTo(wholeResult);

					List<Document> steps = survivor.getBean(MongoTemplate.class).getCollection("BATCH_STEP_EXECUTION")
						.find(new Document("name", "audio-analysis")).sort(new Document("stepExecutionId", 1))
						.into(new ArrayList<>());
					assertThat(steps).hasSize(4);
					long committedBeforeFirstKill = committedSegments(steps.get(0), 0);
					long committedBeforeSecondKill = committedSegments(steps.get(1), committedBeforeFirstKill);
					long readAfterLastRestart = steps.get(2).get("readCount", Number.class).longValue();
					// two job instances in all: the killed task's and the uninterrupted run's
					FaultReport.print("kill -9 of a worker mid-job, twice (60-minute file)", resumed,
							duplicated(survivor.getBean(MongoTemplate.class), killed, 2), lastKill,
							"segments read twice " + (readAfterLastRestart - (SEGMENTS - committedBeforeSecondKill)));
					// progress is reported as a chunk is written, just before it commits: allow one chunk
					assertThat(committedBeforeFirstKill).isBetween(SEGMENTS / 5 - 2, SEGMENTS - 1);
					assertThat(committedBeforeSecondKill).isBetween(Math.max(committedBeforeFirstKill, SEGMENTS / 2 - 2),
							SEGMENTS - 1);
					assertThat(readAfterLastRestart).as("the last restart reads only what was not committed")
						.isEqualTo(SEGMENTS - committedBeforeSecondKill);
					assertThat(steps.get(3).get("readCount", Number.class).longValue()).isEqualTo(SEGMENTS);
				}
			}
		}
	}

	/**
	 * Segments a step execution committed: the reader's position in its execution context,
	 * which commits in one document with the analyzer state. Its counters (of this execution
	 * alone, which resumed at {@code resumedAt}) are a separate write, so a SIGKILL between
	 * the two can leave them one chunk behind.
	 */
	private static long committedSegments(Document step, long resumedAt) {
		Document context = step.get("executionContext", Document.class).get("map", Document.class);
		long next = context.get("segments__next", Number.class).longValue();
		long written = step.get("writeCount", Number.class).longValue();
		assertThat(next).as("counters trail the context by at most a chunk")
			.isBetween(resumedAt + written, resumedAt + written + 2);
		return next;
	}

	private static List<String> arguments(EmbeddedInfrastructure infrastructure) {
		Map<String, Object> properties = new HashMap<>(infrastructure.properties());
		properties.put("hopper.amqp.namespace", "hopper-kill-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("server.port", 0);
		properties.put("hopper.worker.lease-ttl", "3s");
		properties.put("hopper.worker.lease-renew-interval", "1s");
		properties.put("hopper.jobs.audio.segment-frames", SEGMENT_FRAMES);
		properties.put("hopper.jobs.audio.segments-per-chunk", 2);
		// what is tested here is resuming from the last chunk: every job keeps its record
		properties.put("hopper.worker.resumable-from", 0);
		properties.put("hopper.intake.max-file-size", 100 * 1024 * 1024);
		properties.putAll(Http.keyProperties());
		return properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toList();
	}

	/** Mono 8 kHz 16-bit audio: a 220 Hz tone under clicks at 120 BPM. */
	private static byte[] minutes(int minutes) {
		int frames = minutes * 60 * SAMPLE_RATE;
		ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			double t = (double) i / SAMPLE_RATE;
			double sinceBeat = t % 0.5;
			double v = 0.2 * Math.sin(2 * Math.PI * 220 * t)
					+ ((sinceBeat < 0.01) ? 0.6 * Math.sin(2 * Math.PI * 1500 * t) * (1 - sinceBeat / 0.01) : 0);
			pcm.putShort((short) Math.round(v * 32767));
		}
		return WavFixtures.wav(SampleEncoding.PCM_S16, SAMPLE_RATE, 1, pcm.array());
	}

	/** SIGKILLs the worker once the task has {@code segments} done, then waits out its lease; answers when it died. */
	private static Instant killMidway(Process worker, Http http, String task, long segments) throws Exception {
		try {
			JsonNode midway = awaitProgress(http, task, segments);
			assertThat(midway.get("state").asString()).isEqualTo("RUNNING");
		}
		finally {
			worker.destroyForcibly();
			worker.waitFor();
		}
		Instant killedAt = Instant.now();
		// the dead worker's lease must lapse before another worker may take its task
		Thread.sleep(4_000);
		return killedAt;
	}

	/** Results of {@code taskId} beyond one, and job instances beyond the {@code tasks} this test ran. */
	private static long duplicated(MongoTemplate mongo, String taskId, long tasks) {
		long results = mongo.getCollection("results").countDocuments(new Document("_id", taskId));
		long instances = mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments();
		return Math.max(0, results - 1) + Math.max(0, instances - tasks);
	}

	private static Process startWorkerProcess(List<String> args, Path log, String id) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(HopperWorkers.class.getName());
		command.addAll(args);
		command.add("--hopper.worker.id=" + id);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** {@code run} names the run in its params, so the second run is not answered from the first's result. */
	private static String submit(Http http, byte[] file, String run) {
		Http.Response accepted = http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", file, "params", "{\"run\": \"" + run + "\"}"));
		assertThat(accepted.status()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

	private static JsonNode awaitProgress(Http http, String id, long done) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
		while (Instant.now().isBefore(deadline)) {
			JsonNode task = http.get("/api/v1/tasks/" + id).json();
			JsonNode progress = task.get("progress");
			if (progress != null && !progress.isNull() && progress.get("done").asLong() >= done) {
				return task;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("task " + id + " never reached " + done + " segments");
	}

	private static JsonNode awaitFinished(Http http, String id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(400));
		JsonNode task = http.get("/api/v1/tasks/" + id).json();
		while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(task.get("state").asString())
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			task = http.get("/api/v1/tasks/" + id).json();
		}
		return task;
	}

}

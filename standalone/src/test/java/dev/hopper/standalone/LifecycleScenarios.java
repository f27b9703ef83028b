package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.amqp.QueueTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's life: failures with reasons, bounded retries, dead letters and their redrive,
 * cancels.
 */
interface LifecycleScenarios extends Scenario {

	@Test
	default void audioTheEngineCannotDecodeFailsTheTaskWithAReasonAndNoRetry() {
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 440, 0.5);
		java.nio.ByteBuffer.wrap(twelveBit).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);

		String id = http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", twelveBit))
			.json().get("id").asString();

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("FAILED");
		assertThat(finished.get("error").get("code").asString()).isEqualTo("unsupported_format");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		Http.Response result = http().get("/api/v1/tasks/" + id + "/result");
		assertThat(result.status()).isEqualTo(409);
		assertThat(result.json().get("code").asString()).isEqualTo("task_failed");
	}

	/**
	 * A small task's job is recorded in memory only: many at once, each reads its own file
	 * (their step-scoped readers never mix), and the job repository in MongoDB gains nothing.
	 */
	@Test
	default void smallTasksRunTogetherEachOnItsOwnFileWithoutAJobRecord() {
		org.springframework.data.mongodb.core.MongoTemplate mongo = context()
			.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
		long instancesBefore = mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments();
		long stepsBefore = mongo.getCollection("BATCH_STEP_EXECUTION").countDocuments();
		Map<String, Double> durations = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 24; i++) {
			double seconds = 0.2 + 0.05 * i;
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, seconds, 300 + 10 * i, 0.5);
			durations.put(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
				.json().get("id").asString(), seconds);
		}
		durations.forEach((id, seconds) -> {
			assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
			assertThat(http().get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
				.as("task %s read its own file", id).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.01));
		});
		assertThat(mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments()).isEqualTo(instancesBefore);
		assertThat(mongo.getCollection("BATCH_STEP_EXECUTION").countDocuments()).isEqualTo(stepsBefore);
	}

	@Test
	default void aTaskThatKeepsFailingTransientlyStopsAfterItsAttemptsAndIsDeadLettered() {
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		// its file is missing from storage: every attempt fails the same transient way
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
				new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "missing.wav"), Map.of(),
				Instant.now()));
		outbox().markPublished(id);
		context().getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));

		JsonNode waiting = null;
		for (int i = 0; i < 600 && waiting == null; i++) {
			JsonNode now = http().get("/api/v1/tasks/" + id).json();
			waiting = (now.get("retryAt").isNull()) ? null : now;
			sleepQuietly(10);
		}
		assertThat(waiting).as("seen waiting for its next attempt").isNotNull();
		assertThat(waiting.get("state").asString()).isEqualTo("QUEUED");
		assertThat(waiting.get("error").get("code").asString()).isEqualTo("storage_unavailable");

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("FAILED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(3);
		assertThat(finished.get("error").get("code").asString()).isEqualTo("attempts_exhausted");
		// two backoffs, 300 ms and 600 ms less 20 % jitter, lie between the three attempts
		assertThat(Duration.between(Instant.parse(finished.get("startedAt").asString()),
				Instant.parse(finished.get("finishedAt").asString()))).isGreaterThan(Duration.ofMillis(720));
		await(() -> deadLetters() >= 1, "the message reaches the dead-letter queue");
	}

	@Test
	default void aPoisonMessageIsDeadLetteredNotRetried() {
		QueueTopology topology = context().getBean(QueueTopology.class);
		long before = deadLetters();

		context().getBean(RabbitTemplate.class).send(topology.taskExchange(),
				topology.routingKey(JobType.AUDIO_FEATURES),
				MessageBuilder.withBody("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build());

		await(() -> deadLetters() >= before + 1, "the poison message reaches the dead-letter queue");
	}

	@Test
	default void aQueuedTaskIsCancelledAtOnceAndItsMessageIsThenIgnored() {
		String id = insertQueuedTask();

		Http.Response cancelled = http().delete("/api/v1/tasks/" + id);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(http().delete("/api/v1/tasks/" + id).status()).as("cancelling twice").isEqualTo(200);

		double duplicatesBefore = duplicates();
		context().getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		await(() -> duplicates() > duplicatesBefore, "the worker to drop the cancelled task's message");
		JsonNode task = http().get("/api/v1/tasks/" + id).json();
		assertThat(task.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(task.get("attempts").asInt()).isZero();
		assertProblem(http().get("/api/v1/tasks/" + id + "/result"), 404, "result_not_ready");
	}

	@Test
	default void aRunningTaskStopsAtItsNextChunkAndEndsCancelled() {
		// 20 minutes of 8 kHz audio: hundreds of chunks, so the cancel lands mid-job
		byte[] long8Bit = WavFixtures.sine(SampleEncoding.PCM_U8, 8_000, 1, 1200.0, 440, 0.5);
		String id = http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", long8Bit))
			.json().get("id").asString();
		await(() -> http().get("/api/v1/tasks/" + id).json().get("progress").get("done").asLong() > 0,
				"the job to commit a chunk");

		JsonNode running = http().get("/api/v1/tasks/" + id).json();
		assertThat(running.get("state").asString()).isEqualTo("RUNNING");
		assertThat(running.get("heartbeatAgeSeconds").asDouble()).isBetween(0.0, 30.0);
		assertThat(running.get("queuePosition").isNull()).isTrue();

		Http.Response requested = http().delete("/api/v1/tasks/" + id);
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		assertThat(requested.json().get("cancelRequested").asBoolean()).isTrue();

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(finished.get("progress").get("done").asLong())
			.isLessThan(finished.get("progress").get("total").asLong());
		assertProblem(http().get("/api/v1/tasks/" + id + "/result"), 404, "result_not_ready");
		assertProblem(http().delete("/api/v1/tasks/" + submitAndAwaitSine()), 409, "task_finished");
	}

	@Test
	default void anOperatorListsADeadLetterFixesItsCauseAndRedrivesIt() {
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		String key = dev.hopper.core.blob.BlobKeys.upload(id);
		// its file is missing: every attempt fails transiently, and the message is dead-lettered
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
				new Upload(key, "0".repeat(64), 1000, ContentKind.WAV, "late.wav"), Map.of(), Instant.now()));
		outbox().markPublished(id);
		context().getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		assertThat(awaitFinished(id).get("error").get("code").asString()).isEqualTo("attempts_exhausted");

		Http admin = http().withKey(Http.ADMIN_KEY);
		assertProblem(http().get("/admin/v1/dead-letters"), 401, "invalid_admin_key");
		JsonNode[] listed = new JsonNode[1];
		await(() -> (listed[0] = pendingDeadLetterOf(admin, id)) != null, "the dead letter on record");
		assertThat(listed[0].get("code").asString()).isEqualTo("attempts_exhausted");
		assertThat(listed[0].get("type").asString()).isEqualTo("audio-features");

		// the cause fixed: the file is there now
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 480, 0.5);
		context().getBean(dev.hopper.core.blob.BlobStore.class)
			.put(key, new java.io.ByteArrayInputStream(wav), "audio/wav");
		String deadLetterId = listed[0].get("id").asString();
		Http.Response redriven = admin.post("/admin/v1/dead-letters/" + deadLetterId + "/redrive", "application/json", "");
		assertThat(redriven.status()).as(redriven.body()).isEqualTo(202);
		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		assertThat(pendingDeadLetterOf(admin, id)).isNull();
		assertProblem(admin.post("/admin/v1/dead-letters/" + deadLetterId + "/redrive", "application/json", ""), 409,
				"already_redriven");
	}

	@Test
	default void aBugInAJobFailsItsTaskOnceAsAnInternalErrorWithoutRetries() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 410, 0.5);
		var errors = context().getBean(MeterRegistry.class).find("hopper.tasks.internal.errors").counter();
		double before = (errors != null) ? errors.count() : 0;

		String id = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "byte-count", "params", "{\"bug\":\"npe\"}", "file", wav))
			.json()
			.get("id")
			.asString();

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("FAILED");
		assertThat(finished.get("error").get("code").asString()).isEqualTo("internal_error");
		assertThat(finished.get("error").get("message").asString()).doesNotContain("planted");
		assertThat(finished.get("attempts").asInt()).as("never retried").isEqualTo(1);
		assertThat(context().getBean(MeterRegistry.class)
			.get("hopper.tasks.internal.errors")
			.tag("type", "byte-count")
			.tag("exception", "NullPointerException")
			.counter()
			.count()).isGreaterThan(before);
	}

}

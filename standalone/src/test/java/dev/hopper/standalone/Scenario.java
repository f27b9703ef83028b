package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskOutbox;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.amqp.QueueTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What every scenario of the end-to-end suite may use: the running Hopper, its API, and
 * helpers that upload, wait and look inside the stores. The features are interfaces that
 * extend this one; {@link EndToEndScenarios} runs them all on one context per infrastructure.
 */
interface Scenario {

	Duration TIMEOUT = Duration.ofSeconds(60);

	/** Small, so the test crosses it; larger than the S3 part size, so the cut comes mid-upload. */
	int MAX_FILE_SIZE = 12 * 1024 * 1024;

	/** The running Hopper. */
	ConfigurableApplicationContext context();

	/** A client of its API with the test tenant's key. */
	Http http();

	/** A tenant with a small intake quota; its own name each run, so limits never carry over. */
	String burstTenant();

	/** A tenant whose finished tasks are kept for {@link RetentionScenarios#KEPT} only. */
	String expiringTenant();

	/** A sine of its own (a new frequency each time), so no earlier run's result is reused for it. */
	default String submitSine() {
		double hertz = 300 + java.util.concurrent.ThreadLocalRandom.current().nextDouble(300);
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, hertz, 0.5);
		return http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
	}

	/** {@code file} in object storage and its task recorded (unpublished), as intake would leave them; the task id. */
	default String recordStoredUpload(byte[] file, String fileName) throws Exception {
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		String key = dev.hopper.core.blob.BlobKeys.upload(id);
		context().getBean(dev.hopper.core.blob.BlobStore.class)
			.put(key, new java.io.ByteArrayInputStream(file), "audio/wav");
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
		context().getBean(TaskLifecycle.class)
			.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
					new Upload(key, sha256, file.length, ContentKind.WAV, fileName), Map.of(), Instant.now()));
		return id;
	}

	/** A task recorded as published whose message never went out: it stays QUEUED as long as a test needs. */
	default String insertQueuedTask() {
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		context().getBean(TaskLifecycle.class)
			.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
					new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "queued.wav"), Map.of(),
					Instant.now()));
		outbox().markPublished(id);
		return id;
	}

	default String submitAndAwaitSine() {
		String id = submitSine();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		return id;
	}

	default void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}

	default JsonNode awaitFinished(String id) {
		JsonNode[] task = new JsonNode[1];
		await(() -> {
			task[0] = http().get("/api/v1/tasks/" + id).json();
			String state = task[0].get("state").asString();
			return !state.equals("QUEUED") && !state.equals("RUNNING");
		}, "task " + id + " to finish");
		return task[0];
	}

	default double duplicates() {
		var counter = context().getBean(MeterRegistry.class).find("hopper.tasks.finished")
			.tag("outcome", "duplicate").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** Jobs the workers of this context have run, whatever their outcome. */
	default long jobRuns() {
		return jobRuns(context());
	}

	static long jobRuns(org.springframework.context.ApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find("hopper.job.duration")
			.timers()
			.stream()
			.mapToLong(io.micrometer.core.instrument.Timer::count)
			.sum();
	}

	default long deadLetters() {
		QueueTopology topology = context().getBean(QueueTopology.class);
		var info = new RabbitAdmin(context().getBean(RabbitTemplate.class))
			.getQueueInfo(topology.deadLetterQueue(JobType.AUDIO_FEATURES));
		return (info != null) ? info.getMessageCount() : 0;
	}

	default JsonNode pendingDeadLetterOf(Http admin, String taskId) {
		for (JsonNode letter : admin.get("/admin/v1/dead-letters?limit=500").json().get("deadLetters")) {
			JsonNode letterTask = letter.get("taskId");
			if (letterTask != null && !letterTask.isNull() && taskId.equals(letterTask.asString())) {
				return letter;
			}
		}
		return null;
	}

	/** Prints the fault's figures for one task (results beyond one), named by the infrastructure this class runs on. */
	default void report(String fault, String id, Instant faultAt, JsonNode finished) {
		long results = context().getBean(MongoTemplate.class).count(new Query(where("_id").is(id)), "results");
		FaultReport.print(fault, finished, Math.max(0, results - 1), faultAt, getClass().getSimpleName());
	}

	default long taskCount() {
		return context().getBean(MongoTemplate.class).getCollection("tasks").countDocuments(new Document());
	}

	default long blobCount() {
		MinioClient minio = context().getBean(MinioClient.class);
		long count = 0;
		for (Result<Item> ignored : minio.listObjects(ListObjectsArgs.builder().bucket("hopper").recursive(true)
			.build())) {
			count++;
		}
		return count;
	}

	default void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	default void await(java.util.function.BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	default TaskQueries queries() {
		return context().getBean(TaskQueries.class);
	}

	default TaskOutbox outbox() {
		return context().getBean(TaskOutbox.class);
	}

}

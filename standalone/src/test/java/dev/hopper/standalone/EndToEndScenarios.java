package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Claim;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskOutbox;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.MapFixtures;
import dev.hopper.jobs.maps.truth.PlanScorer;
import dev.hopper.jobs.maps.truth.PlanSpec;
import dev.hopper.standalone.bytecount.ByteCountJobType;
import dev.hopper.storage.amqp.QueueTopology;
import dev.hopper.workers.TaskListeners;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The whole path, upload to result, through HTTP, the broker, a worker and the stores,
 * against whatever infrastructure a subclass provides. Every subclass passes the same
 * assertions, as every adapter must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenarios {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** Small, so the test crosses it; larger than the S3 part size, so the cut comes mid-upload. */
	private static final int MAX_FILE_SIZE = 12 * 1024 * 1024;

	private ConfigurableApplicationContext context;

	private Http http;

	/** A tenant with a small intake quota; its own name each run, so limits never carry over. */
	private final String burstTenant = "burst-" + UUID.randomUUID().toString().substring(0, 8);

	/** Where the infrastructure is, as Spring properties; called once before the app starts. */
	protected abstract Map<String, Object> infrastructure() throws Exception;

	/** Stops what {@link #infrastructure()} started. */
	protected abstract void stopInfrastructure();

	@BeforeAll
	void startHopper() throws Exception {
		Map<String, Object> properties = new HashMap<>(infrastructure());
		properties.put("hopper.amqp.namespace", "hopper-it-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("hopper.worker.max-attempts", 3);
		// short leases and a busy sweeper, so orphans are found within seconds
		properties.put("hopper.worker.lease-ttl", "3s");
		properties.put("hopper.worker.lease-renew-interval", "1s");
		properties.put("hopper.worker.sweep-interval", "1s");
		properties.put("hopper.outbox.delay", "2s");
		properties.put("hopper.outbox.interval", "1s");
		properties.put("hopper.worker.retry-backoff", "300ms");
		properties.put("hopper.worker.lost-message-after", "4s");
		properties.put("hopper.webhooks.signing-key", "test-signing-key");
		properties.put("hopper.webhooks.allow-private-addresses", true);
		properties.put("hopper.webhooks.interval", "200ms");
		properties.put("hopper.jobs.audio.segment-frames", 8192);
		properties.put("hopper.jobs.audio.segments-per-chunk", 4);
		properties.put("hopper.intake.max-file-size", MAX_FILE_SIZE);
		properties.putAll(Http.keyProperties());
		properties.put("hopper.admission.tenant-intake-per-minute[" + this.burstTenant + "]", 5);
		properties.put("hopper.admission.max-backlog[audio-features]", 20);
		// a command-line argument, so it wins over the port in hopper-standalone.yml
		SpringApplication application = HopperStandalone.application(properties);
		// a job type that exists only in test sources, registered as the job-type guide says
		application.addPrimarySources(List.of(ByteCountJobType.class));
		this.context = application.run("--server.port=0");
		this.http = new Http(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	@AfterAll
	void stopHopper() {
		if (this.context != null) {
			RabbitAdmin admin = new RabbitAdmin(this.context.getBean(RabbitTemplate.class));
			QueueTopology topology = this.context.getBean(QueueTopology.class);
			this.context.getBean(TaskListeners.class).stop();
			// leave a shared broker as it was
			for (Declarable declarable : topology.declarables()) {
				if (declarable instanceof Queue queue) {
					admin.deleteQueue(queue.getName());
				}
				else if (declarable instanceof Exchange exchange) {
					admin.deleteExchange(exchange.getName());
				}
			}
			this.context.close();
		}
		stopInfrastructure();
	}

	@Test
	void uploadedWavIsAnalysedAndItsLevelsMatchTheSignal() {
		double amplitude = 0.25;
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S24, 48_000, 2, 3.5, 1000, amplitude);

		Http.Response accepted = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav));

		assertThat(accepted.status()).isEqualTo(202);
		JsonNode task = accepted.json();
		String id = task.get("id").asString();
		assertThat(accepted.location()).isEqualTo("/api/v1/tasks/" + id);
		assertThat(task.get("state").asString()).isEqualTo("QUEUED");
		assertThat(task.get("sha256").asString()).hasSize(64);

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		assertThat(finished.get("progress").get("percent").asInt()).isEqualTo(100);
		assertThat(finished.get("progress").get("done").asLong())
			.isEqualTo(finished.get("progress").get("total").asLong()).isEqualTo(21);
		assertThat(finished.get("resultUrl").asString()).isEqualTo("/api/v1/tasks/" + id + "/result");

		JsonNode result = this.http.get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.get("durationSec").asDouble()).isEqualTo(3.5);
		assertThat(result.get("sampleRate").asInt()).isEqualTo(48_000);
		assertThat(result.get("channels").asInt()).isEqualTo(2);
		assertThat(result.get("format").asString()).isEqualTo("wav");
		assertThat(result.get("loudness").get("rmsDbfs").asDouble())
			.isCloseTo(WavFixtures.sineRmsDbfs(amplitude), org.assertj.core.api.Assertions.within(0.05));
		assertThat(result.get("loudness").get("peakDbfs").asDouble())
			.isCloseTo(WavFixtures.peakDbfs(amplitude), org.assertj.core.api.Assertions.within(0.05));
		assertThat(result.get("engine").get("name").asString()).isEqualTo("hopper-audio");
	}

	@Test
	void theSameSignalAsWavFlacMp3AndOggGivesTheSameFeatures() throws Exception {
		// make-fixtures.sh encoded a 2 s stereo 440 Hz sine at -6 dBFS with flac, lame and oggenc
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("wav", WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 2, 2.0, 440, Math.pow(10, -6 / 20.0)));
		for (String extension : new String[] { "flac", "mp3", "ogg" }) {
			try (java.io.InputStream in = WavFixtures.class.getResourceAsStream("/audio/sine-440hz-6dbfs." + extension)) {
				files.put(extension, in.readAllBytes());
			}
		}
		Map<String, JsonNode> results = new java.util.LinkedHashMap<>();
		files.forEach((format, bytes) -> {
			// named .bin: the format is told by content, never by name
			String id = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", bytes))
				.json().get("id").asString();
			assertThat(awaitFinished(id).get("state").asString()).as(format).isEqualTo("SUCCEEDED");
			results.put(format, this.http.get("/api/v1/tasks/" + id + "/result").json());
		});
		JsonNode wav = results.get("wav");
		results.forEach((format, result) -> {
			assertThat(result.get("format").asString()).isEqualTo(format);
			assertThat(result.get("durationSec").asDouble()).as(format).isCloseTo(2.0, within(0.1));
			assertThat(result.get("loudness").get("integratedLufs").asDouble()).as(format)
				.isCloseTo(wav.get("loudness").get("integratedLufs").asDouble(), within(0.5));
			assertThat(result.get("loudness").get("rmsDbfs").asDouble()).as(format)
				.isCloseTo(wav.get("loudness").get("rmsDbfs").asDouble(), within(0.5));
			assertThat(result.get("pitch").get("medianHz").asDouble()).as(format).isCloseTo(440, within(4.4));
			// lossy coding noise lifts a pure tone's centroid most: 12 % for this MP3
			double centroid = wav.get("spectral").get("centroidHz").get("mean").asDouble();
			assertThat(result.get("spectral").get("centroidHz").get("mean").asDouble()).as(format)
				.isCloseTo(centroid, within(0.15 * centroid));
			assertThat(result.get("tonal").get("key").asString()).as(format).isEqualTo("A");
		});
	}

	@Test
	void aDuplicatedMessageNeverProducesASecondResultOrJobInstance() {
		String id = submitSine();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		MongoTemplate mongo = this.context.getBean(MongoTemplate.class);
		long instancesBefore = mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments();
		double duplicatesBefore = duplicates();

		WorkQueue queue = this.context.getBean(WorkQueue.class);
		queue.publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		queue.publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		await(() -> duplicates() >= duplicatesBefore + 2, "both duplicates handled");

		assertThat(mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments()).isEqualTo(instancesBefore);
		assertThat(mongo.count(new Query(where("_id").is(id)), "results")).isEqualTo(1);
		assertThat(this.http.get("/api/v1/tasks/" + id).json().get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void audioTheEngineCannotDecodeFailsTheTaskWithAReasonAndNoRetry() {
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 440, 0.5);
		java.nio.ByteBuffer.wrap(twelveBit).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);

		String id = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", twelveBit))
			.json().get("id").asString();

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("FAILED");
		assertThat(finished.get("error").get("code").asString()).isEqualTo("unsupported_format");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		Http.Response result = this.http.get("/api/v1/tasks/" + id + "/result");
		assertThat(result.status()).isEqualTo(409);
		assertThat(result.json().get("code").asString()).isEqualTo("task_failed");
	}

	@Test
	void aTaskThatKeepsFailingTransientlyStopsAfterItsAttemptsAndIsDeadLettered() {
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		// its file is missing from storage: every attempt fails the same transient way
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
				new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "missing.wav"), Map.of(),
				Instant.now()));
		outbox().markPublished(id);
		this.context.getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));

		JsonNode waiting = null;
		for (int i = 0; i < 600 && waiting == null; i++) {
			JsonNode now = this.http.get("/api/v1/tasks/" + id).json();
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
	void aPoisonMessageIsDeadLetteredNotRetried() {
		QueueTopology topology = this.context.getBean(QueueTopology.class);
		long before = deadLetters();

		this.context.getBean(RabbitTemplate.class).send(topology.taskExchange(),
				topology.routingKey(JobType.AUDIO_FEATURES),
				MessageBuilder.withBody("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build());

		await(() -> deadLetters() >= before + 1, "the poison message reaches the dead-letter queue");
	}

	@Test
	void badRequestsGetProblemResponsesAndStoreNothing() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 440, 0.5);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();

		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features")), 400,
				"missing_file");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "video", "file", wav)), 400,
				"unknown_type");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", wav)), 415,
				"unsupported_format");
		// a pixel bomb: 100,000 × 100,000 declared in a PNG of a few dozen bytes
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file",
				MapFixtures.pngDeclaring(100_000, 100_000))), 422, "image_too_large");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("file",
				MapFixtures.pngDeclaring(100_000, 100_000), "type", "map-parse")), 422, "image_too_large");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				new byte[0])), 400, "empty_file");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				"<html><body>not audio</body></html>".getBytes())), 415, "unsupported_format");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("file", wav, "type", "audio-features",
				"params", "[1, 2")), 400, "invalid_params");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("file", wav)), 400, "missing_type");
		assertProblem(this.http.post("/api/v1/tasks", "text/plain", "a file?"), 415, "unsupported_media_type");
		assertProblem(this.http.get("/api/v1/tasks/" + TimeOrderedId.next(java.time.Clock.systemUTC())), 404,
				"task_not_found");
		assertProblem(this.http.get("/api/v1/tasks/..%2F..%2Fetc"), 404, null);
		// archives and SVG (with script and an XXE entity) are refused by their bytes, whatever they are called
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		byte[] gzip = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
		byte[] tar = new byte[1024];
		System.arraycopy("song.wav".getBytes(), 0, tar, 0, 8);
		System.arraycopy("ustar\u000000".getBytes(), 0, tar, 257, 8);
		byte[] svg = ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><text>&xxe;</text></svg>").getBytes();
		for (byte[] refused : List.of(zip, gzip, tar, svg)) {
			assertProblem(this.http.postParts("/api/v1/tasks", Http.partList("type", "audio-features", "file",
					new Http.NamedFile("song.wav", refused))), 415, "unsupported_format");
		}

		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);
	}

	@Test
	void clientFileNamesAreKeptOnlyAsSanitisedMetadata() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 520, 0.5);
		Map<String, String> sanitised = Map.of("../../etc/passwd", "passwd", "a\u0001b\u202e.wav", "ab.wav",
				"..", "upload", "C:\\evil\\name.wav", "name.wav");
		sanitised.forEach((hostile, kept) -> {
			String id = this.http.postParts("/api/v1/tasks", Http.partList("type", "audio-features", "file",
					new Http.NamedFile(hostile, wav))).json().get("id").asString();
			Task task = queries().find(id).orElseThrow();
			assertThat(task.upload().fileName()).as(hostile).isEqualTo(kept);
			assertThat(task.upload().blobKey()).as("the object key is the server's").isEqualTo("uploads/" + id);
		});
	}

	@Test
	void aFileOneByteOverTheLimitIsRefusedAndNothingIsStored() {
		byte[] header = WavFixtures.wav(SampleEncoding.PCM_S16, 44_100, 1, new byte[0]);
		byte[] oversized = new byte[MAX_FILE_SIZE + 1];
		System.arraycopy(header, 0, oversized, 0, header.length);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();

		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				oversized)), 413, "file_too_large");

		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);
	}

	@Test
	void everyApiCallNeedsAValidKeyAndSeesOnlyItsTenantsTasks() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 440, 0.5);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();
		Http.Response missing = this.http.withKey(null)
			.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav));
		assertProblem(missing, 401, "missing_api_key");
		assertThat(missing.header("WWW-Authenticate")).contains("X-API-Key");
		assertProblem(this.http.withKey("hop_not-a-key").postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav)), 401, "invalid_api_key");
		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);

		Http admin = this.http.withKey(Http.ADMIN_KEY);
		assertProblem(this.http.get("/admin/v1/tenants/other/keys"), 401, "invalid_admin_key");
		Http.Response issued = admin.post("/admin/v1/tenants/other/keys", "application/json", "{\"name\": \"ci\"}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String otherKey = issued.json().get("key").asString();
		String otherKeyId = issued.json().get("id").asString();
		Http other = this.http.withKey(otherKey);

		String mine = submitSine();
		assertProblem(other.get("/api/v1/tasks/" + mine), 404, "task_not_found");
		assertProblem(other.get("/api/v1/tasks/" + mine + "/result"), 404, "task_not_found");
		String theirs = other.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
		assertThat(other.get("/api/v1/tasks/" + theirs).status()).isEqualTo(200);
		assertProblem(this.http.get("/api/v1/tasks/" + theirs), 404, "task_not_found");

		// only a hash of the key is stored
		Document stored = this.context.getBean(MongoTemplate.class)
			.getCollection("api_keys")
			.find(new Document("_id", otherKeyId))
			.first();
		assertThat(stored).isNotNull();
		assertThat(stored.toJson()).doesNotContain(otherKey.substring(4));
		assertThat(stored.getString("hash")).isEqualTo(dev.hopper.core.tenant.ApiKeySecrets.hash(otherKey));

		assertThat(admin.get("/admin/v1/tenants/other/keys").json().get(0).get("id").asString()).isEqualTo(otherKeyId);
		assertThat(admin.delete("/admin/v1/keys/" + otherKeyId).status()).isEqualTo(204);
		assertProblem(other.get("/api/v1/tasks/" + theirs), 401, "revoked_api_key");
		assertProblem(admin.delete("/admin/v1/keys/" + otherKeyId), 404, "key_not_found");
	}

	@Test
	void aQueuedTaskIsCancelledAtOnceAndItsMessageIsThenIgnored() {
		String id = insertQueuedTask();

		Http.Response cancelled = this.http.delete("/api/v1/tasks/" + id);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(this.http.delete("/api/v1/tasks/" + id).status()).as("cancelling twice").isEqualTo(200);

		double duplicatesBefore = duplicates();
		this.context.getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		await(() -> duplicates() > duplicatesBefore, "the worker to drop the cancelled task's message");
		JsonNode task = this.http.get("/api/v1/tasks/" + id).json();
		assertThat(task.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(task.get("attempts").asInt()).isZero();
		assertProblem(this.http.get("/api/v1/tasks/" + id + "/result"), 404, "result_not_ready");
	}

	@Test
	void aRunningTaskStopsAtItsNextChunkAndEndsCancelled() {
		// 20 minutes of 8 kHz audio: hundreds of chunks, so the cancel lands mid-job
		byte[] long8Bit = WavFixtures.sine(SampleEncoding.PCM_U8, 8_000, 1, 1200.0, 440, 0.5);
		String id = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", long8Bit))
			.json().get("id").asString();
		await(() -> this.http.get("/api/v1/tasks/" + id).json().get("progress").get("done").asLong() > 0,
				"the job to commit a chunk");

		JsonNode running = this.http.get("/api/v1/tasks/" + id).json();
		assertThat(running.get("state").asString()).isEqualTo("RUNNING");
		assertThat(running.get("heartbeatAgeSeconds").asDouble()).isBetween(0.0, 30.0);
		assertThat(running.get("queuePosition").isNull()).isTrue();

		Http.Response requested = this.http.delete("/api/v1/tasks/" + id);
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		assertThat(requested.json().get("cancelRequested").asBoolean()).isTrue();

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(finished.get("progress").get("done").asLong())
			.isLessThan(finished.get("progress").get("total").asLong());
		assertProblem(this.http.get("/api/v1/tasks/" + id + "/result"), 404, "result_not_ready");
		assertProblem(this.http.delete("/api/v1/tasks/" + submitAndAwaitSine()), 409, "task_finished");
	}

	@Test
	void pollingIsCheapAndALongPollReturnsAsSoonAsTheTaskChanges() throws Exception {
		String id = insertQueuedTask();
		Http.Response queued = this.http.get("/api/v1/tasks/" + id);
		String etag = queued.header("ETag");
		assertThat(etag).startsWith("W/\"");
		assertThat(queued.json().get("queuePosition").asLong()).isPositive();
		assertThat(queued.json().get("heartbeatAgeSeconds").isNull()).isTrue();
		assertThat(this.http.get("/api/v1/tasks/" + id, "If-None-Match", etag).status()).isEqualTo(304);

		// nothing changes: the wait runs out and says so
		Http.Response unchanged = this.http.get("/api/v1/tasks/" + id + "?waitSeconds=1", "If-None-Match", etag);
		assertThat(unchanged.status()).isEqualTo(304);

		// a change wakes the waiting request long before its 30 seconds are up
		Instant asked = Instant.now();
		var waiting = this.http.getLater("/api/v1/tasks/" + id + "?waitSeconds=30", "If-None-Match", etag);
		Thread.sleep(500);
		assertThat(waiting).as("still waiting").isNotDone();
		this.http.delete("/api/v1/tasks/" + id);
		Http.Response woken = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(20));
		assertThat(woken.status()).isEqualTo(200);
		assertThat(woken.json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(woken.header("ETag")).isNotEqualTo(etag);

		assertProblem(this.http.get("/api/v1/tasks/" + id + "?waitSeconds=61"), 400, "invalid_wait_seconds");
	}

	@Test
	void eventsStreamEachChangeUntilTheFinalStateAndResumeByLastEventId() {
		String id = submitSine();
		Http.Response stream = this.http.get("/api/v1/tasks/" + id + "/events", "Accept", "text/event-stream");
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.contentType()).startsWith("text/event-stream");
		List<String> ids = new java.util.ArrayList<>();
		List<JsonNode> events = new java.util.ArrayList<>();
		for (String line : stream.body().split("\n")) {
			if (line.startsWith("id:")) {
				ids.add(line.substring(3).strip());
			}
			else if (line.startsWith("data:")) {
				events.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5)));
			}
		}
		assertThat(events).isNotEmpty().hasSameSizeAs(ids);
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(events.get(events.size() - 1).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(events.stream().map((e) -> e.get("id").asString())).containsOnly(id);

		// the client saw the final state: reconnecting is told to stop
		assertThat(this.http.get("/api/v1/tasks/" + id + "/events", "Last-Event-ID", ids.get(ids.size() - 1))
			.status()).isEqualTo(204);
		// a client that saw an earlier version gets the final one at once
		Http.Response resumed = this.http.get("/api/v1/tasks/" + id + "/events", "Last-Event-ID", "stale");
		assertThat(resumed.body()).contains("id:" + ids.get(ids.size() - 1)).contains("\"SUCCEEDED\"");
	}

	@Test
	void aRunningTaskWhoseWorkerVanishedIsHandedBackByTheSweeperAndFinishes() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 2.0, 440, 0.5);
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = recordStoredUpload(wav, "orphan.wav");
		outbox().markPublished(id);
		// a worker claimed it and died at once: RUNNING, no lease, its heartbeat going stale, no message left
		assertThat(tasks.claim(id, "vanished-worker", 3).outcome()).isEqualTo(dev.hopper.core.task.Claim.Outcome.CLAIMED);
		Instant vanished = Instant.now();

		JsonNode finished = awaitFinished(id);
		report("a worker killed after claiming, before its job exists, its message gone", id, vanished, finished);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(2);
		assertThat(this.http.get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(2.0);
		var orphans = this.context.getBean(MeterRegistry.class).find("hopper.tasks.orphans").counter();
		assertThat(orphans).isNotNull();
		assertThat(orphans.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anOrphanIsReleasedOnlyFromTheWorkerThatLostItAndTheOutboxSendsItOn() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 330, 0.5);
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = recordStoredUpload(wav, "released.wav");
		outbox().markPublished(id);
		assertThat(tasks.claim(id, "lost-worker", 3).outcome()).isEqualTo(dev.hopper.core.task.Claim.Outcome.CLAIMED);
		var lost = new dev.hopper.core.task.TaskError("worker_lost", "test");
		java.time.Instant later = java.time.Instant.now().plusSeconds(60);
		// another worker's task, or one whose heartbeat is newer than the silence asked for, stays
		assertThat(tasks.releaseOrphan(id, "other-worker", later, lost)).isFalse();
		assertThat(tasks.releaseOrphan(id, "lost-worker", java.time.Instant.now().minusSeconds(60), lost)).isFalse();
		assertThat(tasks.releaseOrphan(id, "lost-worker", later, lost)).isTrue();
		assertThat(queries().find(id).orElseThrow().state()).isEqualTo(dev.hopper.core.task.TaskState.QUEUED);

		// left unpublished on purpose (as if the sweeper died before publishing): the outbox sends it
		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).as("the lost worker's attempt stays counted").isEqualTo(2);
	}

	@Test
	void aWorkerKilledBetweenCreatingTheJobInstanceAndItsExecutionLeavesATaskThatStillFinishes() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 440, 0.5);
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = recordStoredUpload(wav, "half-started.wav");
		outbox().markPublished(id);
		assertThat(tasks.claim(id, "vanished-worker", 3).outcome()).isEqualTo(dev.hopper.core.task.Claim.Outcome.CLAIMED);
		// the dead worker got as far as the job instance: Spring Batch alone can neither start nor restart it
		this.context.getBean(org.springframework.batch.core.repository.JobRepository.class)
			.createJobInstance(JobType.AUDIO_FEATURES.wireName(),
					new org.springframework.batch.core.job.parameters.JobParametersBuilder().addString("taskId", id, true)
						.toJobParameters());

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(this.http.get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(1.0);
	}

	@Test
	void aStoredBlobOpenedAtItsEndReadsNothing() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		String id = recordStoredUpload(wav, "end.wav");
		// a reader resumed after its last chunk committed opens the object at its very end
		try (java.io.InputStream rest = this.context.getBean(dev.hopper.core.blob.BlobStore.class)
			.open(dev.hopper.core.blob.BlobKeys.upload(id), wav.length)) {
			assertThat(rest.readAllBytes()).isEmpty();
		}
	}

	@Test
	void aGeneratedPlanIsParsedAsPngAndAsAPhotographedJpegAndItsOverlayIsServed() throws Exception {
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
				.readValue(this.http.get("/api/v1/tasks/" + plan.getKey() + "/result").body(), Map.class);
			var parsed = MapFixtures.read(result);
			var score = PlanScorer.score(plan.getValue().truth(), parsed, 6.5 * 12);
			double wanted = plan.getValue().spec().photographed() ? 0.90 : 0.98;
			assertThat(score.f1()).as("slot F1 of " + plan.getValue().spec().name() + ": " + score).isGreaterThanOrEqualTo(wanted);
			assertThat(parsed.parser().kind()).isEqualTo("cv");
			assertThat(parsed.width()).isEqualTo(plan.getValue().image().getWidth());

			byte[] overlay = this.http.getBytes(parsed.overlayUrl());
			java.awt.image.BufferedImage drawn = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(overlay));
			assertThat(drawn.getWidth()).isEqualTo(parsed.width());
			assertThat(drawn.getHeight()).isEqualTo(parsed.height());
		}
		// another tenant sees neither the task nor its overlay
		String otherKey = this.http.withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/plans-elsewhere/keys", "application/json", "{\"name\": \"ci\"}")
			.json().get("key").asString();
		assertProblem(this.http.withKey(otherKey).get("/api/v1/tasks/" + cleanId + "/overlay"), 404, "task_not_found");
	}

	@Test
	void hostilePlansFailTheirTaskWithAReasonAndNoRetry() {
		byte[] png = MapFixtures.png(new FloorPlanGenerator().generate(new PlanSpec(PlanSpec.Style.CAD, 0, 90, 1, false, 5))
			.image());
		Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
		// JPEG declares its size after its metadata, past what intake sniffs: the worker checks it before decoding
		hostile.put("image_too_large", MapFixtures.jpegDeclaring(60_000, 60_000));
		hostile.put("corrupt_image", java.util.Arrays.copyOf(png, png.length / 2));
		hostile.put("parser_unavailable", png);
		hostile.forEach((code, file) -> {
			Http.Response accepted = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", file,
					"params", code.equals("parser_unavailable") ? "{\"parser\": \"vision-llm\"}" : "{}"));
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			JsonNode finished = awaitFinished(accepted.json().get("id").asString());
			assertThat(finished.get("state").asString()).as(code).isEqualTo("FAILED");
			assertThat(finished.get("error").get("code").asString()).isEqualTo(code);
			assertThat(finished.get("attempts").asInt()).isEqualTo(1);
		});
	}

	private String submitPlan(byte[] image) {
		Http.Response accepted = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", image));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return accepted.json().get("id").asString();
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyGetsTheOriginalTask() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 440, 0.5);
		String key = "upload-" + UUID.randomUUID();
		Http.Response first = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"a\": 1, \"b\": 2}"),
				"Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(202);
		long tasks = taskCount();
		long blobs = blobCount();

		// the same request again, its params written in another order: the same work
		Http.Response retried = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"b\": 2, \"a\": 1}"),
				"Idempotency-Key", key);
		assertThat(retried.status()).isEqualTo(202);
		assertThat(retried.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(retried.location()).isEqualTo(first.location());
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(blobCount()).isEqualTo(blobs);

		assertProblem(this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"a\": 2}"), "Idempotency-Key", key),
				422, "idempotency_key_reused");
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav),
				"Idempotency-Key", "has space"), 400, "invalid_idempotency_key");
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(blobCount()).isEqualTo(blobs);
	}

	@Test
	void theSameWorkAgainReusesTheEarlierResultWithoutRunningTheJob() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.5, 523.25, 0.4);
		String params = "{\"window\": \"hann\", \"n\": 1}";
		String first = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", params)).json().get("id").asString();
		JsonNode ran = awaitFinished(first);
		assertThat(ran.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(ran.get("cached").asBoolean()).isFalse();

		String again = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"n\": 1, \"window\": \"hann\"}"))
			.json().get("id").asString();
		JsonNode reused = awaitFinished(again);
		assertThat(reused.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(reused.get("cached").asBoolean()).isTrue();
		assertThat(reused.get("cachedFrom").asString()).isEqualTo(first);
		assertThat(this.http.get("/api/v1/tasks/" + again + "/result").body())
			.isEqualTo(this.http.get("/api/v1/tasks/" + first + "/result").body());
		assertThat(jobInstancesOf(first)).as("the first ran its job").isEqualTo(1);
		assertThat(jobInstancesOf(again)).as("no job ran for the second").isZero();

		// other parameters are other work
		String otherParams = this.http.postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"n\": 2}")).json().get("id").asString();
		assertThat(awaitFinished(otherParams).get("cached").asBoolean()).isFalse();
	}

	@Test
	void aBatchQueuesEachGoodFileListsTheRefusedOnesAndPagesThroughItsTasks() {
		byte[] a = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 330, 0.5);
		byte[] b = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 350, 0.5);
		byte[] c = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 370, 0.5);
		Http.Response accepted = this.http.postParts("/api/v1/batches", Http.partList("type", "audio-features",
				"params", "{\"note\": \"batch\"}", "files", a, "files", "<html>not audio</html>".getBytes(),
				"files", b, "files", new byte[0], "files", c));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode batch = accepted.json();
		String id = batch.get("id").asString();
		assertThat(accepted.location()).isEqualTo("/api/v1/batches/" + id);
		assertThat(batch.get("taskIds")).hasSize(3);
		assertThat(batch.get("total").asInt()).isEqualTo(5);
		assertThat(batch.get("counts").get("refused").asInt()).isEqualTo(2);
		assertThat(batch.get("refusedFiles").get(0).get("code").asString()).isEqualTo("unsupported_format");
		assertThat(batch.get("refusedFiles").get(1).get("code").asString()).isEqualTo("empty_file");

		await(() -> this.http.get("/api/v1/batches/" + id).json().get("state").asString().equals("SUCCEEDED"),
				"the batch to finish");
		JsonNode first = this.http.get("/api/v1/batches/" + id + "?pageSize=2").json();
		assertThat(first.get("counts").get("succeeded").asInt()).isEqualTo(3);
		assertThat(first.get("complete").asBoolean()).isTrue();
		assertThat(first.get("tasks")).hasSize(2);
		assertThat(first.get("tasks").get(0).get("batchId").asString()).isEqualTo(id);
		JsonNode second = this.http.get("/api/v1/batches/" + id + "?pageSize=2&pageToken="
				+ first.get("nextPageToken").asString()).json();
		assertThat(second.get("tasks")).hasSize(1);
		assertThat(second.get("nextPageToken").isNull()).isTrue();
		List<String> paged = java.util.stream.Stream.concat(first.get("tasks").valueStream(),
				second.get("tasks").valueStream()).map((t) -> t.get("id").asString()).toList();
		assertThat(paged).containsExactlyElementsOf(batch.get("taskIds").valueStream().map(JsonNode::asString).toList());

		assertProblem(this.http.postParts("/api/v1/batches", Http.partList("files", a, "type", "audio-features")), 400,
				"type_must_come_first");
		assertProblem(this.http.get("/api/v1/batches/" + TimeOrderedId.next(java.time.Clock.systemUTC())), 404,
				"batch_not_found");
	}

	@Test
	void redrivingABatchQueuesOnlyItsFailedTasksAgain() {
		byte[] good = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 390, 0.5);
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 410, 0.5);
		java.nio.ByteBuffer.wrap(twelveBit).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);
		String id = this.http.postParts("/api/v1/batches",
				Http.partList("type", "audio-features", "files", good, "files", twelveBit))
			.json().get("id").asString();
		await(() -> this.http.get("/api/v1/batches/" + id).json().get("state").asString().equals("FAILED"),
				"the batch to finish with a failure");
		JsonNode failedTask = this.http.get("/api/v1/batches/" + id).json().get("tasks").get(1);
		assertThat(failedTask.get("state").asString()).isEqualTo("FAILED");
		String failedId = failedTask.get("id").asString();

		Http.Response redriven = this.http.post("/api/v1/batches/" + id + "/redrive", "application/json", "");
		assertThat(redriven.status()).isEqualTo(202);
		assertThat(redriven.json().get("redriven").asInt()).isEqualTo(1);
		JsonNode again = awaitFinished(failedId);
		assertThat(again.get("state").asString()).isEqualTo("FAILED");
		assertThat(again.get("attempts").asInt()).as("attempts count afresh").isEqualTo(1);
		JsonNode batch = this.http.get("/api/v1/batches/" + id).json();
		assertThat(batch.get("counts").get("succeeded").asInt()).isEqualTo(1);
		assertThat(batch.get("counts").get("failed").asInt()).isEqualTo(1);
	}

	@Test
	void anAnalysisRequestRunsAJobOnAStoredFileWithoutUploadingItAgain() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 430, 0.5);
		JsonNode uploaded = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json();
		String source = uploaded.get("id").asString();
		long blobs = blobCount();

		Http.Response bySource = this.http.post("/api/v1/tasks", "application/json",
				"{\"sourceTaskId\": \"" + source + "\", \"type\": \"audio-features\", \"params\": {\"run\": 2}}");
		assertThat(bySource.status()).as(bySource.body()).isEqualTo(202);
		assertThat(bySource.json().get("sha256").asString()).isEqualTo(uploaded.get("sha256").asString());
		assertThat(awaitFinished(bySource.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");

		Http.Response bySha = this.http.post("/api/v1/tasks", "application/json",
				"{\"sha256\": \"" + uploaded.get("sha256").asString() + "\", \"type\": \"audio-features\"}");
		assertThat(bySha.status()).as(bySha.body()).isEqualTo(202);
		assertThat(blobCount()).as("nothing uploaded again").isEqualTo(blobs);

		assertProblem(this.http.post("/api/v1/tasks", "application/json", "{\"type\": \"audio-features\"}"), 400,
				"invalid_source");
		assertProblem(this.http.post("/api/v1/tasks", "application/json",
				"{\"sha256\": \"" + "e".repeat(64) + "\", \"type\": \"audio-features\"}"), 404, "content_not_found");
		assertProblem(this.http.post("/api/v1/tasks", "application/json", "{\"sourceTaskId\": \"" + source + "\"}"),
				400, "missing_type");
		assertProblem(this.http.post("/api/v1/tasks", "application/json", "{not json"), 400, null);
	}

	@Test
	void aJobTypeRegisteredOnlyInTestSourcesRunsEndToEnd() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.25, 330, 0.5);
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(wav));

		Http.Response accepted = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "byte-count", "file", wav));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode finished = awaitFinished(accepted.json().get("id").asString());
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("type").asString()).isEqualTo("byte-count");
		JsonNode result = this.http.get(finished.get("resultUrl").asString()).json();
		assertThat(result.get("bytes").asLong()).isEqualTo(wav.length);
		assertThat(result.get("sha256").asString()).isEqualTo(sha256);
		// intake and the OpenAPI document read the same registry
		byte[] pdf = "%PDF-1.4\n%hopper\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertProblem(this.http.postMultipart("/api/v1/tasks", Http.parts("type", "byte-count", "file", pdf)), 415,
				"unsupported_format");
		Http.Response unknown = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "byte-size", "file", wav));
		assertProblem(unknown, 400, "unknown_type");
		assertThat(unknown.json().get("detail").asString()).contains("audio-features", "map-parse", "byte-count");
		JsonNode typeNames = this.http.withKey(null).get("/v3/api-docs").json().get("components").get("schemas")
			.get("TaskUpload").get("properties").get("type").get("enum");
		assertThat(typeNames.valueStream().map(JsonNode::asString)).containsExactly("audio-features", "map-parse",
				"byte-count");
	}

	@Test
	void theOpenApiDocumentDescribesEveryEndpointAndTheKey() {
		Http.Response docs = this.http.withKey(null).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode api = docs.json();
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/tasks", "/api/v1/tasks/{id}",
				"/api/v1/tasks/{id}/result", "/api/v1/tasks/{id}/events", "/api/v1/batches", "/api/v1/batches/{id}",
				"/api/v1/batches/{id}/redrive", "/admin/v1/tenants/{tenantId}/keys", "/admin/v1/keys/{keyId}");
		JsonNode upload = api.get("paths").get("/api/v1/tasks").get("post");
		assertThat(upload.get("requestBody").get("content").propertyNames()).contains("multipart/form-data",
				"application/json");
		assertThat(upload.get("responses").get("default").get("content").propertyNames())
			.containsExactly("application/problem+json");
		assertThat(api.get("components").get("securitySchemes").get("apiKey").get("name").asString())
			.isEqualTo("X-API-Key");
		assertThat(docs.body()).doesNotContain("\"name\":\"tenant\"");
		assertThat(this.http.withKey(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void aTenantsBurstIsLimitedWhileOtherTenantsKeepEveryRequest() {
		Http burst = this.http.withKey(this.http.withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/" + this.burstTenant + "/keys", "application/json", "{}")
			.json().get("key").asString());
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 460, 0.5);
		int accepted = 0;
		int limited = 0;
		int othersAccepted = 0;
		for (int i = 0; i < 10; i++) {
			Http.Response response = burst.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav));
			if (response.status() == 202) {
				accepted++;
			}
			else {
				assertProblem(response, 429, "quota_exceeded");
				assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
				limited++;
			}
			if (i % 3 == 0) {
				othersAccepted += (this.http.postMultipart("/api/v1/tasks",
						Http.parts("type", "audio-features", "file", wav)).status() == 202) ? 1 : 0;
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertThat(limited).isEqualTo(5);
		assertThat(othersAccepted).as("the other tenant keeps every request").isEqualTo(4);
	}

	@Test
	void intakeForAJobTypeWhoseBacklogIsFullAnswers503WithRetryAfter() {
		TaskListeners listeners = this.context.getBean(TaskListeners.class);
		QueueTopology topology = this.context.getBean(QueueTopology.class);
		WorkQueue queue = this.context.getBean(WorkQueue.class);
		listeners.stop();
		try {
			for (int i = 0; i < 25; i++) {
				queue.publish(new TaskMessage(TimeOrderedId.next(java.time.Clock.systemUTC()), JobType.AUDIO_FEATURES));
			}
			await(() -> queue.depth(JobType.AUDIO_FEATURES) >= 25, "the backlog to build");
			long tasks = taskCount();
			long blobs = blobCount();
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 470, 0.5);
			// a depth read before the backlog built is trusted for a second at most
			Thread.sleep(1_200);
			Http.Response refused = this.http.postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "file", wav));
			assertProblem(refused, 503, "backlog_full");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
			assertProblem(this.http.postParts("/api/v1/batches", Http.partList("type", "audio-features", "files", wav)),
					503, "backlog_full");
			assertThat(taskCount()).isEqualTo(tasks);
			assertThat(blobCount()).isEqualTo(blobs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			new RabbitAdmin(this.context.getBean(RabbitTemplate.class)).purgeQueue(topology.workQueue(JobType.AUDIO_FEATURES),
					false);
			listeners.start();
		}
	}

	@Test
	void anOperatorListsADeadLetterFixesItsCauseAndRedrivesIt() {
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		String key = dev.hopper.core.blob.BlobKeys.upload(id);
		// its file is missing: every attempt fails transiently, and the message is dead-lettered
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
				new Upload(key, "0".repeat(64), 1000, ContentKind.WAV, "late.wav"), Map.of(), Instant.now()));
		outbox().markPublished(id);
		this.context.getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		assertThat(awaitFinished(id).get("error").get("code").asString()).isEqualTo("attempts_exhausted");

		Http admin = this.http.withKey(Http.ADMIN_KEY);
		assertProblem(this.http.get("/admin/v1/dead-letters"), 401, "invalid_admin_key");
		JsonNode[] listed = new JsonNode[1];
		await(() -> (listed[0] = pendingDeadLetterOf(admin, id)) != null, "the dead letter on record");
		assertThat(listed[0].get("code").asString()).isEqualTo("attempts_exhausted");
		assertThat(listed[0].get("type").asString()).isEqualTo("audio-features");

		// the cause fixed: the file is there now
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 480, 0.5);
		this.context.getBean(dev.hopper.core.blob.BlobStore.class)
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
	void aTaskWhoseLastWorkerDiedAfterStoringItsResultSucceedsThoughItsAttemptsAreSpent() {
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		// its file is missing, so running the job again could only fail it; its content is
		// its own, for the result it ends with is remembered for later uploads of that content
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES, new Upload("uploads/" + id,
				UUID.randomUUID().toString().replace("-", "").repeat(2), 1000, ContentKind.WAV, "stored.wav"), Map.of(),
				Instant.now()));
		outbox().markPublished(id);
		// three workers claimed it in turn and died, the last one after its result step
		for (int worker = 1; worker <= 3; worker++) {
			assertThat(tasks.claim(id, "killed-" + worker, 3).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		}
		Map<String, Object> stored = Map.of("durationSec", 12.5);
		this.context.getBean(ResultStore.class).saveOnce(id, stored);
		assertThat(tasks.releaseOrphan(id, "killed-3", Instant.now().plusSeconds(60),
				new TaskError("worker_lost", "Worker killed-3 stopped answering")))
			.isTrue();
		Instant released = Instant.now();
		this.context.getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));

		JsonNode finished = awaitFinished(id);
		report("workers killed on every attempt, the last after storing the result", id, released, finished);
		assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(3);
		assertThat(this.http.get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(12.5);
		assertThat(pendingDeadLetterOf(this.http.withKey(Http.ADMIN_KEY), id)).isNull();
	}

	@Test
	void aTaskRecordedButNeverPublishedIsPublishedByTheOutboxRelay() throws Exception {
		// as if the api died between writing the task and publishing its message
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 490, 0.5);
		String id = recordStoredUpload(wav, "unpublished.wav");
		Instant recorded = Instant.now();

		JsonNode finished = awaitFinished(id);
		report("the api killed between writing a task and publishing it", id, recorded, finished);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(queries().find(id).orElseThrow().published()).isTrue();
	}

	@Test
	void aFinishedTaskIsSignedAndDeliveredToItsWebhookRetryingUntilTheEndpointTakesIt() throws Exception {
		List<com.sun.net.httpserver.Headers> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
		com.sun.net.httpserver.HttpServer endpoint = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/hook", (exchange) -> {
			headers.add(exchange.getRequestHeaders());
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			// the first delivery fails: the relay must try again
			exchange.sendResponseHeaders((bodies.size() == 1) ? 500 : 204, -1);
			exchange.close();
		});
		endpoint.start();
		try {
			String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 500, 0.5);
			String id = this.http.postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "webhook", url, "file", wav)).json().get("id").asString();
			assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
			await(() -> bodies.size() >= 2, "the webhook delivered after one failure");
			sleepQuietly(500);
			assertThat(bodies).as("delivered once accepted, not again").hasSize(2);

			JsonNode notice = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bodies.get(1));
			assertThat(notice.get("id").asString()).isEqualTo(id);
			assertThat(notice.get("state").asString()).isEqualTo("SUCCEEDED");
			String secret = this.http.get("/api/v1/webhook-secret").json().get("secret").asString();
			String signature = headers.get(1).getFirst("Hopper-Signature");
			String timestamp = signature.substring(2, signature.indexOf(','));
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"HmacSHA256"));
			String expected = java.util.HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + bodies.get(1)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + expected);
			assertThat(headers.get(0).getFirst("Hopper-Delivery")).isNotEqualTo(headers.get(1).getFirst("Hopper-Delivery"));

			assertProblem(this.http.postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "webhook", "ftp://example.com/x", "file", wav)), 400,
					"invalid_webhook");
		}
		finally {
			endpoint.stop(0);
		}
	}

	@Test
	void aQueuedTaskWhoseMessageTheBrokerLostIsPublishedAgain() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 510, 0.5);
		TaskLifecycle tasks = this.context.getBean(TaskLifecycle.class);
		String id = recordStoredUpload(wav, "lost.wav");
		// confirmed by the broker, then lost with it (a crash, a purge): no message anywhere
		outbox().markPublished(id);

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void healthAndMetricsAreExposed() {
		submitSine();
		JsonNode health = this.http.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").propertyNames()).contains("mongo", "rabbit", "redis", "objectStorage");

		await(() -> this.http.get("/actuator/prometheus").body()
			.contains("hopper_tasks_finished_total{outcome=\"succeeded\",type=\"audio-features\"}"), "task counter");
		assertThat(this.http.get("/actuator/prometheus").body()).contains("hopper_job_duration_seconds_count");
	}

	/** A sine of its own (a new frequency each time), so no earlier run's result is reused for it. */
	private String submitSine() {
		double hertz = 300 + java.util.concurrent.ThreadLocalRandom.current().nextDouble(300);
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, hertz, 0.5);
		return this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
	}

	/** {@code file} in object storage and its task recorded (unpublished), as intake would leave them; the task id. */
	private String recordStoredUpload(byte[] file, String fileName) throws Exception {
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		String key = dev.hopper.core.blob.BlobKeys.upload(id);
		this.context.getBean(dev.hopper.core.blob.BlobStore.class)
			.put(key, new java.io.ByteArrayInputStream(file), "audio/wav");
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
		this.context.getBean(TaskLifecycle.class)
			.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
					new Upload(key, sha256, file.length, ContentKind.WAV, fileName), Map.of(), Instant.now()));
		return id;
	}

	/** A task recorded as published whose message never went out: it stays QUEUED as long as a test needs. */
	private String insertQueuedTask() {
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		this.context.getBean(TaskLifecycle.class)
			.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
					new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "queued.wav"), Map.of(),
					Instant.now()));
		outbox().markPublished(id);
		return id;
	}

	private String submitAndAwaitSine() {
		String id = submitSine();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		return id;
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}

	private JsonNode awaitFinished(String id) {
		JsonNode[] task = new JsonNode[1];
		await(() -> {
			task[0] = this.http.get("/api/v1/tasks/" + id).json();
			String state = task[0].get("state").asString();
			return !state.equals("QUEUED") && !state.equals("RUNNING");
		}, "task " + id + " to finish");
		return task[0];
	}

	private double duplicates() {
		var counter = this.context.getBean(MeterRegistry.class).find("hopper.tasks.finished")
			.tag("outcome", "duplicate").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long deadLetters() {
		QueueTopology topology = this.context.getBean(QueueTopology.class);
		var info = new RabbitAdmin(this.context.getBean(RabbitTemplate.class))
			.getQueueInfo(topology.deadLetterQueue(JobType.AUDIO_FEATURES));
		return (info != null) ? info.getMessageCount() : 0;
	}

	private static JsonNode pendingDeadLetterOf(Http admin, String taskId) {
		for (JsonNode letter : admin.get("/admin/v1/dead-letters?limit=500").json().get("deadLetters")) {
			JsonNode letterTask = letter.get("taskId");
			if (letterTask != null && !letterTask.isNull() && taskId.equals(letterTask.asString())) {
				return letter;
			}
		}
		return null;
	}

	/** Prints the fault's figures for one task (results beyond one), named by the infrastructure this class runs on. */
	private void report(String fault, String id, Instant faultAt, JsonNode finished) {
		long results = this.context.getBean(MongoTemplate.class).count(new Query(where("_id").is(id)), "results");
		FaultReport.print(fault, finished, Math.max(0, results - 1), faultAt, getClass().getSimpleName());
	}

	private long jobInstancesOf(String taskId) {
		var parameters = new org.springframework.batch.core.job.parameters.JobParametersBuilder()
			.addString("taskId", taskId, true)
			.toJobParameters();
		return (this.context.getBean(org.springframework.batch.core.repository.JobRepository.class)
			.getJobInstance(JobType.AUDIO_FEATURES.wireName(), parameters) != null) ? 1 : 0;
	}

	private long taskCount() {
		return this.context.getBean(MongoTemplate.class).getCollection("tasks").countDocuments(new Document());
	}

	private long blobCount() {
		MinioClient minio = this.context.getBean(MinioClient.class);
		long count = 0;
		for (Result<Item> ignored : minio.listObjects(ListObjectsArgs.builder().bucket("hopper").recursive(true)
			.build())) {
			count++;
		}
		return count;
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void await(java.util.function.BooleanSupplier condition, String what) {
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

	private TaskQueries queries() {
		return this.context.getBean(TaskQueries.class);
	}

	private TaskOutbox outbox() {
		return this.context.getBean(TaskOutbox.class);
	}

}

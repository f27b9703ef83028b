package dev.hopper.standalone;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.api.admission.BacklogGuard;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.jobs.maps.truth.MapFixtures;
import dev.hopper.storage.amqp.QueueTopology;
import dev.hopper.workers.TaskListeners;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Uploads and analysis requests: what is taken, what is refused and why, keys, idempotency,
 * the result cache, quotas and backlog, the job type registry, the API's own description.
 */
interface IntakeScenarios extends Scenario {

	@Test
	default void uploadedWavIsAnalysedAndItsLevelsMatchTheSignal() {
		double amplitude = 0.25;
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S24, 48_000, 2, 3.5, 1000, amplitude);

		Http.Response accepted = http().postMultipart("/api/v1/tasks",
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

		JsonNode result = http().get("/api/v1/tasks/" + id + "/result").json();
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
	default void theSameSignalAsWavFlacMp3AndOggGivesTheSameFeatures() throws Exception {
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
			String id = http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", bytes))
				.json().get("id").asString();
			assertThat(awaitFinished(id).get("state").asString()).as(format).isEqualTo("SUCCEEDED");
			results.put(format, http().get("/api/v1/tasks/" + id + "/result").json());
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
	default void badRequestsGetProblemResponsesAndStoreNothing() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 440, 0.5);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();

		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features")), 400,
				"missing_file");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "video", "file", wav)), 400,
				"unknown_type");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file", wav)), 415,
				"unsupported_format");
		// a pixel bomb: 100,000 × 100,000 declared in a PNG of a few dozen bytes
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "map-parse", "file",
				MapFixtures.pngDeclaring(100_000, 100_000))), 422, "image_too_large");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("file",
				MapFixtures.pngDeclaring(100_000, 100_000), "type", "map-parse")), 422, "image_too_large");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				new byte[0])), 400, "empty_file");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				"<html><body>not audio</body></html>".getBytes())), 415, "unsupported_format");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("file", wav, "type", "audio-features",
				"params", "[1, 2")), 400, "invalid_params");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("file", wav)), 400, "missing_type");
		assertProblem(http().post("/api/v1/tasks", "text/plain", "a file?"), 415, "unsupported_media_type");
		assertProblem(http().get("/api/v1/tasks/" + TimeOrderedId.next(java.time.Clock.systemUTC())), 404,
				"task_not_found");
		assertProblem(http().get("/api/v1/tasks/..%2F..%2Fetc"), 404, null);
		// archives and SVG (with script and an XXE entity) are refused by their bytes, whatever they are called
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		byte[] gzip = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
		byte[] tar = new byte[1024];
		System.arraycopy("song.wav".getBytes(), 0, tar, 0, 8);
		System.arraycopy("ustar\u000000".getBytes(), 0, tar, 257, 8);
		byte[] svg = ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><text>&xxe;</text></svg>").getBytes();
		for (byte[] refused : List.of(zip, gzip, tar, svg)) {
			assertProblem(http().postParts("/api/v1/tasks", Http.partList("type", "audio-features", "file",
					new Http.NamedFile("song.wav", refused))), 415, "unsupported_format");
		}

		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);
	}

	@Test
	default void clientFileNamesAreKeptOnlyAsSanitisedMetadata() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 520, 0.5);
		Map<String, String> sanitised = Map.of("../../etc/passwd", "passwd", "a\u0001b\u202e.wav", "ab.wav",
				"..", "upload", "C:\\evil\\name.wav", "name.wav");
		sanitised.forEach((hostile, kept) -> {
			String id = http().postParts("/api/v1/tasks", Http.partList("type", "audio-features", "file",
					new Http.NamedFile(hostile, wav))).json().get("id").asString();
			Task task = queries().find(id).orElseThrow();
			assertThat(task.upload().fileName()).as(hostile).isEqualTo(kept);
			assertThat(task.upload().blobKey()).as("the object key is the server's").isEqualTo("uploads/" + id);
		});
	}

	@Test
	default void aFileOneByteOverTheLimitIsRefusedAndNothingIsStored() {
		byte[] header = WavFixtures.wav(SampleEncoding.PCM_S16, 44_100, 1, new byte[0]);
		byte[] oversized = new byte[MAX_FILE_SIZE + 1];
		System.arraycopy(header, 0, oversized, 0, header.length);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();

		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				oversized)), 413, "file_too_large");

		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);
	}

	@Test
	default void everyApiCallNeedsAValidKeyAndSeesOnlyItsTenantsTasks() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 440, 0.5);
		long tasksBefore = taskCount();
		long blobsBefore = blobCount();
		Http.Response missing = http().withKey(null)
			.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav));
		assertProblem(missing, 401, "missing_api_key");
		assertThat(missing.header("WWW-Authenticate")).contains("X-API-Key");
		assertProblem(http().withKey("hop_not-a-key").postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav)), 401, "invalid_api_key");
		assertThat(taskCount()).isEqualTo(tasksBefore);
		assertThat(blobCount()).isEqualTo(blobsBefore);

		Http admin = http().withKey(Http.ADMIN_KEY);
		assertProblem(http().get("/admin/v1/tenants/other/keys"), 401, "invalid_admin_key");
		Http.Response issued = admin.post("/admin/v1/tenants/other/keys", "application/json", "{\"name\": \"ci\"}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String otherKey = issued.json().get("key").asString();
		String otherKeyId = issued.json().get("id").asString();
		Http other = http().withKey(otherKey);

		String mine = submitSine();
		assertProblem(other.get("/api/v1/tasks/" + mine), 404, "task_not_found");
		assertProblem(other.get("/api/v1/tasks/" + mine + "/result"), 404, "task_not_found");
		String theirs = other.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
		assertThat(other.get("/api/v1/tasks/" + theirs).status()).isEqualTo(200);
		assertProblem(http().get("/api/v1/tasks/" + theirs), 404, "task_not_found");

		// only a hash of the key is stored
		Document stored = context().getBean(MongoTemplate.class)
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
	default void aRetriedPostWithTheSameIdempotencyKeyGetsTheOriginalTask() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 440, 0.5);
		String key = "upload-" + UUID.randomUUID();
		Http.Response first = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"a\": 1, \"b\": 2}"),
				"Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(202);
		long tasks = taskCount();
		long blobs = blobCount();

		// the same request again, its params written in another order: the same work
		Http.Response retried = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"b\": 2, \"a\": 1}"),
				"Idempotency-Key", key);
		assertThat(retried.status()).isEqualTo(202);
		assertThat(retried.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(retried.location()).isEqualTo(first.location());
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(blobCount()).isEqualTo(blobs);

		assertProblem(http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"a\": 2}"), "Idempotency-Key", key),
				422, "idempotency_key_reused");
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav),
				"Idempotency-Key", "has space"), 400, "invalid_idempotency_key");
		assertThat(taskCount()).isEqualTo(tasks);
		assertThat(blobCount()).isEqualTo(blobs);
	}

	@Test
	default void theSameWorkAgainReusesTheEarlierResultWithoutRunningTheJob() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.5, 523.25, 0.4);
		String params = "{\"window\": \"hann\", \"n\": 1}";
		String first = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", params)).json().get("id").asString();
		JsonNode ran = awaitFinished(first);
		assertThat(ran.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(ran.get("cached").asBoolean()).isFalse();

		String again = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"n\": 1, \"window\": \"hann\"}"))
			.json().get("id").asString();
		JsonNode reused = awaitFinished(again);
		assertThat(reused.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(reused.get("cached").asBoolean()).isTrue();
		assertThat(reused.get("cachedFrom").asString()).isEqualTo(first);
		assertThat(http().get("/api/v1/tasks/" + again + "/result").body())
			.isEqualTo(http().get("/api/v1/tasks/" + first + "/result").body());
		// a job reports the segments it has read as the task's progress
		assertThat(ran.get("progress").get("done").asLong()).as("the first ran its job").isPositive();
		assertThat(reused.get("progress").get("done").asLong()).as("no job ran for the second").isZero();

		// other parameters are other work
		String otherParams = http().postMultipart("/api/v1/tasks",
				Http.parts("type", "audio-features", "file", wav, "params", "{\"n\": 2}")).json().get("id").asString();
		assertThat(awaitFinished(otherParams).get("cached").asBoolean()).isFalse();
	}

	@Test
	default void anAnalysisRequestRunsAJobOnAStoredFileWithoutUploadingItAgain() {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 430, 0.5);
		JsonNode uploaded = http().postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json();
		String source = uploaded.get("id").asString();
		long blobs = blobCount();

		Http.Response bySource = http().post("/api/v1/tasks", "application/json",
				"{\"sourceTaskId\": \"" + source + "\", \"type\": \"audio-features\", \"params\": {\"run\": 2}}");
		assertThat(bySource.status()).as(bySource.body()).isEqualTo(202);
		assertThat(bySource.json().get("sha256").asString()).isEqualTo(uploaded.get("sha256").asString());
		assertThat(awaitFinished(bySource.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");

		Http.Response bySha = http().post("/api/v1/tasks", "application/json",
				"{\"sha256\": \"" + uploaded.get("sha256").asString() + "\", \"type\": \"audio-features\"}");
		assertThat(bySha.status()).as(bySha.body()).isEqualTo(202);
		assertThat(blobCount()).as("nothing uploaded again").isEqualTo(blobs);

		assertProblem(http().post("/api/v1/tasks", "application/json", "{\"type\": \"audio-features\"}"), 400,
				"invalid_source");
		assertProblem(http().post("/api/v1/tasks", "application/json",
				"{\"sha256\": \"" + "e".repeat(64) + "\", \"type\": \"audio-features\"}"), 404, "content_not_found");
		assertProblem(http().post("/api/v1/tasks", "application/json", "{\"sourceTaskId\": \"" + source + "\"}"),
				400, "missing_type");
		assertProblem(http().post("/api/v1/tasks", "application/json", "{not json"), 400, null);
	}

	@Test
	default void aJobTypeRegisteredOnlyInTestSourcesRunsEndToEnd() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.25, 330, 0.5);
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(wav));

		Http.Response accepted = http().postMultipart("/api/v1/tasks", Http.parts("type", "byte-count", "file", wav));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode finished = awaitFinished(accepted.json().get("id").asString());
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("type").asString()).isEqualTo("byte-count");
		JsonNode result = http().get(finished.get("resultUrl").asString()).json();
		assertThat(result.get("bytes").asLong()).isEqualTo(wav.length);
		assertThat(result.get("sha256").asString()).isEqualTo(sha256);
		// intake and the OpenAPI document read the same registry
		byte[] pdf = "%PDF-1.4\n%hopper\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertProblem(http().postMultipart("/api/v1/tasks", Http.parts("type", "byte-count", "file", pdf)), 415,
				"unsupported_format");
		Http.Response unknown = http().postMultipart("/api/v1/tasks", Http.parts("type", "byte-size", "file", wav));
		assertProblem(unknown, 400, "unknown_type");
		assertThat(unknown.json().get("detail").asString()).contains("audio-features", "map-parse", "byte-count");
		JsonNode typeNames = http().withKey(null).get("/v3/api-docs").json().get("components").get("schemas")
			.get("TaskUpload").get("properties").get("type").get("enum");
		assertThat(typeNames.valueStream().map(JsonNode::asString)).containsExactly("audio-features", "map-parse",
				"byte-count");
	}

	@Test
	default void theOpenApiDocumentDescribesEveryEndpointAndTheKey() {
		Http.Response docs = http().withKey(null).get("/v3/api-docs");
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
		// grouped by resource, every operation summarised, its answers described
		api.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
			JsonNode op = operation.getValue();
			assertThat(op.get("tags").valueStream().map(JsonNode::asString)).as(name + " tags")
				.singleElement()
				.isIn("tasks", "batches", "results", "webhooks", "admin");
			assertThat(op.path("summary").asString("")).as(name + " summary").isNotBlank();
			assertThat(op.get("responses").propertyNames()).as(name + " answers")
				.anyMatch((status) -> status.startsWith("2"))
				.contains("401");
			op.get("responses").properties().stream().filter((answer) -> answer.getKey().matches("[45]\\d\\d"))
				.forEach((problem) -> assertThat(problem.getValue().get("x-problem-codes")).as(name + " " + problem.getKey())
					.isNotEmpty());
		}));
		assertThat(api.get("paths").get("/api/v1/tasks/{id}").get("get").get("responses").propertyNames())
			.contains("200", "304", "400", "404", "429");
		// a result is typed by its job type, and the type says what a real result holds
		JsonNode resultSchema = api.get("paths").get("/api/v1/tasks/{id}/result").get("get").get("responses")
			.get("200").get("content").get("application/json").get("schema");
		assertThat(resultSchema.get("oneOf").valueStream().map((ref) -> ref.get("$ref").asString()))
			.containsExactlyInAnyOrder("#/components/schemas/AudioFeaturesResult", "#/components/schemas/MapPlanResult");
		JsonNode schemas = api.get("components").get("schemas");
		String id = submitSine();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		JsonNode result = http().get("/api/v1/tasks/" + id + "/result").json();
		assertThat(result.propertyNames()).containsExactlyInAnyOrderElementsOf(
				schemas.get("AudioFeaturesResult").get("properties").propertyNames());
		for (String[] part : new String[][] { { "loudness", "AudioLoudness" }, { "rhythm", "AudioRhythm" },
				{ "tonal", "AudioTonal" }, { "spectral", "AudioSpectral" }, { "mfcc", "AudioMfcc" },
				{ "pitch", "AudioPitch" }, { "engine", "Engine" } }) {
			assertThat(result.get(part[0]).propertyNames()).as(part[0])
				.containsExactlyInAnyOrderElementsOf(schemas.get(part[1]).get("properties").propertyNames());
		}
		assertThat(http().withKey(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	default void aTenantsBurstIsLimitedWhileOtherTenantsKeepEveryRequest() {
		Http burst = http().withKey(http().withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/" + burstTenant() + "/keys", "application/json", "{}")
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
				// honest: until the first of the five leaves the minute's window, not a second's guess
				assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(30L, 60L);
				limited++;
			}
			if (i % 3 == 0) {
				othersAccepted += (http().postMultipart("/api/v1/tasks",
						Http.parts("type", "audio-features", "file", wav)).status() == 202) ? 1 : 0;
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertThat(limited).isEqualTo(5);
		assertThat(othersAccepted).as("the other tenant keeps every request").isEqualTo(4);
	}

	@Test
	default void intakeForAJobTypeWhoseBacklogIsFullAnswers503WithRetryAfter() {
		TaskListeners listeners = context().getBean(TaskListeners.class);
		QueueTopology topology = context().getBean(QueueTopology.class);
		WorkQueue queue = context().getBean(WorkQueue.class);
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
			Http.Response refused = http().postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "file", wav));
			assertProblem(refused, 503, "backlog_full");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
			assertProblem(http().postParts("/api/v1/batches", Http.partList("type", "audio-features", "files", wav)),
					503, "backlog_full");
			assertThat(taskCount()).isEqualTo(tasks);
			assertThat(blobCount()).isEqualTo(blobs);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			new RabbitAdmin(context().getBean(RabbitTemplate.class)).purgeQueue(topology.workQueue(JobType.AUDIO_FEATURES),
					false);
			listeners.start();
			// the scenarios after this one upload audio: wait until intake reads the drained queue
			BacklogGuard guard = context().getBean(BacklogGuard.class);
			await(() -> {
				try {
					guard.admit(JobType.AUDIO_FEATURES);
					return true;
				}
				catch (ApiProblem full) {
					return false;
				}
			}, "intake to admit audio again");
		}
	}

	@Test
	default void healthAndMetricsAreExposedAndOnlyTheStatusWithoutTheAdminKey() {
		submitSine();
		Http admin = http().withKey(Http.ADMIN_KEY);
		JsonNode health = admin.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").propertyNames()).contains("mongo", "rabbit", "redis", "objectStorage");

		await(() -> admin.get("/actuator/prometheus").body()
			.contains("hopper_tasks_finished_total{outcome=\"succeeded\",type=\"audio-features\"}"), "task counter");
		assertThat(admin.get("/actuator/prometheus").body()).contains("hopper_job_duration_seconds_count");

		// without it: whether the server is up, and nothing else
		Http anyone = http().withKey(null);
		JsonNode status = anyone.get("/actuator/health").json();
		assertThat(status.get("status").asString()).isEqualTo("UP");
		assertThat(status.propertyNames()).doesNotContain("components", "details");
		assertProblem(anyone.get("/actuator/prometheus"), 401, "invalid_admin_key");
		assertProblem(http().get("/actuator/info"), 401, "invalid_admin_key");
		assertThat(anyone.get("/actuator/health/a/b").status()).isEqualTo(404);
		assertThat(admin.get("/actuator/no-such-endpoint").status()).isEqualTo(404);
	}

}

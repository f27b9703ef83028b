package dev.hopper.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.hopper.api.admission.ConnectionBudget;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hostile and careless clients tried, tried again on every build against standalone
 * through real HTTP on loopback: each class of failure the black-box probe found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsIntegrationTests {

	private static final int WAITS_PER_TENANT = 20;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private EmbeddedInfrastructure embedded;

	private ConfigurableApplicationContext context;

	private Http http;

	private int port;

	@BeforeAll
	void start() throws Exception {
		this.embedded = HopperStandalone.start(Files.createTempDirectory("hopper-hostile-it"));
		Map<String, Object> properties = new HashMap<>(this.embedded.properties());
		properties.put("hopper.amqp.namespace", "hopper-hostile-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("hopper.admission.max-waits-per-tenant", WAITS_PER_TENANT);
		properties.put("hopper.events.heartbeat", "1s");
		properties.put("hopper.admission.tenant-intake-per-minute.batcher", 4);
		properties.putAll(Http.keyProperties());
		this.context = HopperStandalone.application(properties).run("--server.port=0");
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.http = new Http(this.port);
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	/**
	 * The probe held 8,400 long polls with one key and starved everyone for 60 s. Now one
	 * tenant holds its cap, every poll past it is refused at once with a Retry-After, and
	 * another tenant's requests (and health) are answered as usual meanwhile.
	 */
	@Test
	void oneTenantHoldingItsWaitsLeavesTheServerToEveryoneElse() throws Exception {
		String waitedOn = StoredTasks.queued(this.context, Http.TENANT);
		HttpClient flood = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < WAITS_PER_TENANT; i++) {
			held.add(flood.sendAsync(poll(waitedOn, 30), HttpResponse.BodyHandlers.ofString()));
		}
		ConnectionBudget budget = this.context.getBean(ConnectionBudget.class);
		StoredTasks.awaitTrue(Duration.ofSeconds(20), () -> budget.heldBy(Http.TENANT) == WAITS_PER_TENANT);

		int refused = 0;
		for (int i = 0; i < 3 * WAITS_PER_TENANT; i++) {
			HttpResponse<String> answer = flood.send(poll(waitedOn, 30), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
			assertThat(answer.body()).contains("too_many_waits");
			long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
			assertThat(retryAfter).isBetween(1L, 30L);
			refused++;
		}

		Http other = otherTenant();
		String theirs = other.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
				dev.hopper.jobs.audio.engine.WavFixtures.sine(dev.hopper.jobs.audio.engine.SampleEncoding.PCM_S16,
						8_000, 1, 0.2, 440, 0.3)))
			.json().get("id").asString();
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			long started = System.nanoTime();
			Http.Response answer = (i % 10 == 0) ? other.withKey(null).get("/actuator/health")
					: other.get("/api/v1/tasks/" + theirs);
			micros.add((System.nanoTime() - started) / 1_000);
			assertThat(answer.status()).isEqualTo(200);
		}
		micros.sort(Long::compare);
		System.out.printf("flood: one tenant held %d waits, %d more refused with 429; another tenant's 200 requests: "
				+ "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", WAITS_PER_TENANT, refused,
				micros.get(100) / 1000.0, micros.get(197) / 1000.0, micros.get(199) / 1000.0);
		assertThat(held).allSatisfy((poll) -> assertThat(poll).isNotDone());

		this.context.getBean(TaskLifecycle.class).cancel(waitedOn);
		for (CompletableFuture<HttpResponse<String>> poll : held) {
			assertThat(poll.get().statusCode()).as("each held poll hears the news").isEqualTo(200);
		}
		StoredTasks.awaitTrue(Duration.ofSeconds(10), () -> budget.heldBy(Http.TENANT) == 0);
	}

	/** An open event stream kept flowing after its key was revoked, and had no heartbeat; now it beats, and ends. */
	@Test
	void anEventStreamBeatsAndEndsWhenItsKeyIsRevoked() throws Exception {
		Http admin = this.http.withKey(Http.ADMIN_KEY);
		Http.Response issued = admin.post("/admin/v1/tenants/streamer/keys", "application/json", "{\"name\": \"sse\"}");
		String key = issued.json().get("key").asString();
		String keyId = issued.json().get("id").asString();
		String task = StoredTasks.queued(this.context, "streamer");
		HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/tasks/" + task + "/events"))
			.header("X-API-Key", key)
			.header("Accept", "text/event-stream")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
		StoredTasks.awaitTrue(Duration.ofSeconds(10), () -> lines.stream().anyMatch((line) -> line.startsWith(":")));

		assertThat(admin.delete("/admin/v1/keys/" + keyId).status()).isEqualTo(204);

		reading.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(lines).as("the task's first event, then heartbeats").anyMatch((line) -> line.startsWith("event:"));
		StoredTasks.awaitTrue(Duration.ofSeconds(5),
				() -> this.context.getBean(ConnectionBudget.class).heldBy("streamer") == 0);
	}

	/** The probe's NUL in a file name got a 500, and on a batch the earlier files ran while the client got no id. */
	@Test
	void aFileNameWithNulIsStoredSanitisedNotRefusedWithA500() throws Exception {
		HttpResponse<String> single = postRaw("/api/v1/tasks", multipart(field("type", "audio-features"),
				file("file", "tone\u0000.wav", wav())));
		assertThat(single.statusCode()).as(single.body()).isEqualTo(202);

		HttpResponse<String> batch = postRaw("/api/v1/batches", multipart(field("type", "audio-features"),
				file("files", "good.wav", wav()), file("files", "bad\u0000name.wav", wav()),
				file("files", "also-good.wav", wav())));
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
		assertThat(JSON.readTree(batch.body()).get("taskIds")).hasSize(3);
	}

	/** A body with no closing boundary can never work: 400, not a 503 that tells the client to retry it forever. */
	@Test
	void aTruncatedMultipartBodyIsTheClientsErrorNotARetryableOne() throws Exception {
		for (String path : List.of("/api/v1/tasks", "/api/v1/batches")) {
			byte[] whole = multipart(field("type", "audio-features"), file("file", "cut.wav", wav()),
					file("files", "cut.wav", wav()));
			byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 60);
			HttpResponse<String> answer = postRaw(path, cut);
			assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
			assertThat(answer.body()).containsAnyOf("truncated_body", "malformed_multipart");
		}
	}

	/** Keys MongoDB cannot hold as sent got a 500; they are kept as sent now, from both entry points. */
	@Test
	void paramsWithAnyKeyAreAcceptedAndKeptAsSent() throws Exception {
		String params = "{\"a.b\": 1, \"$where\": {\"x.y\": [\"v\"]}, \"nul\\u0000key\": true, \"50%\": null}";
		HttpResponse<String> form = postRaw("/api/v1/tasks", multipart(field("type", "audio-features"),
				field("params", params), file("file", "p.wav", wav())));
		assertThat(form.statusCode()).as(form.body()).isEqualTo(202);
		String formTask = JSON.readTree(form.body()).get("id").asString();

		HttpResponse<String> json = postJson("/api/v1/tasks",
				"{\"sourceTaskId\": \"" + formTask + "\", \"type\": \"audio-features\", \"params\": " + params + "}");
		assertThat(json.statusCode()).as(json.body()).isEqualTo(202);
		String jsonTask = JSON.readTree(json.body()).get("id").asString();

		Map<String, Object> expected = new java.util.LinkedHashMap<>();
		expected.put("a.b", 1);
		expected.put("$where", Map.of("x.y", List.of("v")));
		expected.put("nul\0key", true);
		expected.put("50%", null);
		var tasks = this.context.getBean(dev.hopper.core.task.TaskQueries.class);
		assertThat(tasks.find(formTask).orElseThrow().params()).isEqualTo(expected);
		assertThat(tasks.find(jsonTask).orElseThrow().params()).isEqualTo(expected);
	}

	/** 16 MB of params got a 500 from the store's document limit; every size now has its answer. */
	@Test
	void paramsAndBodiesPastTheirLimitsAreRefusedByName() throws Exception {
		String big = "\"" + "x".repeat(100_000) + "\"";
		HttpResponse<String> jsonParams = postJson("/api/v1/tasks",
				"{\"sha256\": \"" + "0".repeat(64) + "\", \"type\": \"audio-features\", \"params\": {\"k\": " + big + "}}");
		assertThat(jsonParams.statusCode()).as(jsonParams.body()).isEqualTo(400);
		assertThat(jsonParams.body()).contains("params_too_large");

		String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
		HttpResponse<String> tooDeep = postJson("/api/v1/tasks",
				"{\"sha256\": \"" + "0".repeat(64) + "\", \"type\": \"audio-features\", \"params\": " + deep + "}");
		assertThat(tooDeep.statusCode()).as(tooDeep.body()).isEqualTo(400);

		// past the 1 MiB cap, within what Tomcat drains after answering, so the answer can be read
		String huge = "{\"type\": \"audio-features\", \"params\": {\"k\": \"" + "x".repeat(3 * 512 * 1024) + "\"}}";
		HttpResponse<String> body = postJson("/api/v1/tasks", huge);
		assertThat(body.statusCode()).as(body.body()).isEqualTo(413);
		assertThat(body.body()).contains("body_too_large");

		HttpResponse<String> formParams = postRaw("/api/v1/tasks", multipart(field("type", "audio-features"),
				field("params", "{\"k\": " + big + "}"), file("file", "p.wav", wav())));
		assertThat(formParams.statusCode()).as(formParams.body()).isEqualTo(400);
	}

	/** One batch of 5,000 files counted as one unit of quota; it counts its files now. */
	@Test
	void aBatchCountsAgainstTheQuotaFileByFile() throws Exception {
		String key = this.http.withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/batcher/keys", "application/json", "{}")
			.json().get("key").asString();
		byte[][] parts = new byte[7][];
		parts[0] = field("type", "audio-features");
		for (int i = 1; i < parts.length; i++) {
			parts[i] = file("files", "f" + i + ".wav", wav());
		}
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://127.0.0.1:" + this.port + "/api/v1/batches"))
			.header("X-API-Key", key)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(parts)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		var batch = JSON.readTree(answer.body());
		assertThat(batch.get("taskIds")).hasSize(4);
		assertThat(batch.get("refusedFiles").valueStream().map((refused) -> refused.get("code").asString()).toList())
			.containsExactly("quota_exceeded", "quota_exceeded");
	}

	/** A file name of 200 CJK characters outgrew the 512-byte part-header limit; real names fit now. */
	@Test
	void aLongFileNameInAnyScriptIsAccepted() throws Exception {
		String name = "\u6F22".repeat(200) + ".wav";
		HttpResponse<String> answer = postRaw("/api/v1/tasks", multipart(field("type", "audio-features"),
				file("file", name, wav())));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	/** The probe's Host header came back in the OpenAPI document's servers; the servers are configured now. */
	@Test
	void theApiDocumentDoesNotEchoTheHostHeader() throws Exception {
		HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs"))
			.header("X-Forwarded-Host", "evil.example")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(docs.body()).get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(docs.body()).doesNotContain("evil.example").doesNotContain("127.0.0.1");
	}

	private static byte[] wav() {
		return dev.hopper.jobs.audio.engine.WavFixtures.sine(dev.hopper.jobs.audio.engine.SampleEncoding.PCM_S16,
				8_000, 1, 0.2, 440, 0.3);
	}

	private static final String BOUNDARY = "hostile-boundary-7f3a";

	private static byte[] field(String name, String value) {
		return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static byte[] file(String name, String fileName, byte[] content) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream part = new java.io.ByteArrayOutputStream();
		part.writeBytes(head);
		part.writeBytes(content);
		part.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return part.toByteArray();
	}

	private static byte[] multipart(byte[]... parts) {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			body.writeBytes(part);
		}
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private HttpResponse<String> postRaw(String path, byte[] body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", Http.API_KEY)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postJson(String path, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", Http.API_KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest poll(String taskId, int seconds) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/tasks/" + taskId
				+ "?waitSeconds=" + seconds))
			.header("X-API-Key", Http.API_KEY)
			.timeout(Duration.ofSeconds(seconds + 15))
			.GET()
			.build();
	}

	private Http otherTenant() {
		Http admin = this.http.withKey(Http.ADMIN_KEY);
		Http.Response issued = admin.post("/admin/v1/tenants/other/keys", "application/json", "{\"name\": \"hostile\"}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return this.http.withKey(issued.json().get("key").asString());
	}

}

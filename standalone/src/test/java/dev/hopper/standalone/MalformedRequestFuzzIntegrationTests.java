package dev.hopper.standalone;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests (seeded, so a failure replays): broken
 * multipart bodies, wrong and missing content types, hostile file names and headers,
 * deep and invalid JSON, garbage ids and parameters, on every endpoint. None may get a 5xx,
 * every refusal is a problem document, and afterwards the worker still analyses a good
 * upload.
 */
class MalformedRequestFuzzIntegrationTests {

	private static final int REQUESTS = 1_500;

	private static final long SEED = 20261123L;

	private final Random random = new Random(SEED);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 440, 0.5);

	@Test
	void noMalformedRequestGetsAServerErrorAndTheWorkerLivesOn() throws Exception {
		try (EmbeddedInfrastructure infrastructure = HopperStandalone
			.start(Files.createTempDirectory("hopper-fuzz-it"))) {
			Map<String, Object> properties = new java.util.HashMap<>(infrastructure.properties());
			properties.put("hopper.amqp.namespace", "hopper-fuzz-" + UUID.randomUUID().toString().substring(0, 8));
			properties.put("hopper.intake.max-file-size", 64 * 1024);
			properties.put("hopper.admission.intake-per-minute", 100_000);
			properties.putAll(Http.keyProperties());
			try (ConfigurableApplicationContext context = HopperStandalone.application(properties)
				.run("--server.port=0")) {
				String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
				Map<String, Integer> statuses = new TreeMap<>();
				List<String> serverErrors = new ArrayList<>();
				int sent = 0;
				while (sent < REQUESTS) {
					Fuzzed fuzzed = next(base);
					HttpRequest request;
					try {
						request = fuzzed.request().get();
					}
					catch (IllegalArgumentException refusedByTheClient) {
						// java.net.http will not send some malformed headers at all
						continue;
					}
					HttpResponse<String> response = send(request);
					sent++;
					statuses.merge(fuzzed.kind() + " " + response.statusCode(), 1, Integer::sum);
					if (response.statusCode() >= 500) {
						serverErrors.add(fuzzed.kind() + " " + request.uri() + " -> " + response.statusCode() + " "
								+ response.body());
					}
					else if (response.statusCode() >= 400) {
						assertThat(response.headers().firstValue("Content-Type").orElse(""))
							.as("%s %s", fuzzed.kind(), request.uri())
							.startsWith("application/problem+json");
					}
				}
				System.out.println("Fuzz (seed " + SEED + "), " + sent + " requests by kind and status: " + statuses);
				assertThat(serverErrors).isEmpty();

				Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
				String id = http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", this.wav))
					.json().get("id").asString();
				assertThat(awaitState(http, id)).as("the worker is alive").isEqualTo("SUCCEEDED");
			}
		}
	}

	/**
	 * Sends once more when the connection the client took from its pool was already closed
	 * by the server (after a refusal that ends the connection): the request never reached
	 * it, and java.net.http repeats only idempotent methods on its own. A server that died
	 * fails the second send too.
	 */
	private HttpResponse<String> send(HttpRequest request) throws Exception {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException closedBeforeTheRequest) {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private String awaitState(Http http, String id) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			JsonNode task = http.get("/api/v1/tasks/" + id).json();
			String state = task.get("state").asString();
			if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
				return state;
			}
			Thread.sleep(100);
		}
		return "TIMED_OUT";
	}

	private record Fuzzed(String kind, Supplier<HttpRequest> request) {
	}

	private Fuzzed next(String base) {
		return switch (this.random.nextInt(10)) {
			case 0 -> new Fuzzed("multipart-broken", () -> post(base + "/api/v1/tasks", multipartContentType(),
					brokenMultipart(), keyHeaders()));
			case 1 -> new Fuzzed("multipart-fields", () -> post(base + pick("/api/v1/tasks", "/api/v1/batches"),
					"multipart/form-data; boundary=b", fieldsMultipart("b"), keyHeaders()));
			case 2 -> new Fuzzed("json", () -> post(base + "/api/v1/tasks", "application/json", fuzzedJson(),
					keyHeaders()));
			case 3 -> new Fuzzed("content-type", () -> post(base + pick("/api/v1/tasks", "/api/v1/batches"),
					pick("text/plain", "application/xml", "image/svg+xml", "application/zip", "multipart/mixed",
							"multipart/form-data", "", "application/json; charset=ebcdic", "*/*"),
					randomBytes(this.random.nextInt(2_000)), keyHeaders()));
			case 4 -> new Fuzzed("ids", () -> get(base + pick("/api/v1/tasks/", "/api/v1/batches/",
					"/api/v1/tasks/events/", "/admin/v1/dead-letters/") + garbageSegment() + pick("", "/result",
							"/events", "/redrive"), keyHeaders()));
			case 5 -> new Fuzzed("query", () -> get(base + "/api/v1/tasks/" + UUID.randomUUID() + "?waitSeconds="
					+ garbageSegment() + "&pageSize=" + garbageSegment(), keyHeaders()));
			case 6 -> new Fuzzed("headers", () -> get(base + "/api/v1/tasks/" + UUID.randomUUID(), "X-API-Key",
					garbageHeader(), "If-None-Match", garbageHeader(), "Last-Event-ID", garbageHeader()));
			case 7 -> new Fuzzed("idempotency", () -> post(base + "/api/v1/tasks", "multipart/form-data; boundary=b",
					fieldsMultipart("b"), "X-API-Key", Http.API_KEY, "Idempotency-Key", garbageHeader()));
			case 8 -> new Fuzzed("methods", () -> method(base + pick("/api/v1/tasks", "/api/v1/batches",
					"/api/v1/tasks/" + UUID.randomUUID(), "/admin/v1/tenants/x/keys", "/admin/v1/keys/x"),
					pick("PUT", "PATCH", "DELETE", "POST", "GET"), keyOrAdminHeaders()));
			default -> new Fuzzed("admin", () -> post(base + "/admin/v1/tenants/" + garbageSegment() + "/keys",
					"application/json", fuzzedJson(), "X-API-Key", Http.ADMIN_KEY));
		};
	}

	private HttpRequest post(String uri, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (!contentType.isEmpty()) {
			builder.header("Content-Type", contentType);
		}
		return withHeaders(builder, headers).build();
	}

	private HttpRequest get(String uri, String... headers) {
		return withHeaders(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(90)).GET(), headers)
			.build();
	}

	private HttpRequest method(String uri, String method, String... headers) {
		return withHeaders(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(randomBytes(this.random.nextInt(100)))), headers)
			.build();
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private String[] keyHeaders() {
		return this.random.nextInt(10) == 0 ? new String[] { "X-API-Key", garbageHeader() }
				: new String[] { "X-API-Key", Http.API_KEY };
	}

	private String[] keyOrAdminHeaders() {
		return new String[] { "X-API-Key", this.random.nextBoolean() ? Http.API_KEY : Http.ADMIN_KEY };
	}

	private String multipartContentType() {
		return pick("multipart/form-data; boundary=b", "multipart/form-data", "multipart/form-data; boundary=",
				"multipart/form-data; boundary=" + "x".repeat(200), "multipart/form-data; boundary=\"b\"; charset=x");
	}

	/** A multipart body cut, unterminated, or with its boundary lines mangled. */
	private byte[] brokenMultipart() {
		byte[] whole = fieldsMultipart("b");
		return switch (this.random.nextInt(4)) {
			case 0 -> java.util.Arrays.copyOf(whole, this.random.nextInt(whole.length + 1));
			case 1 -> new String(whole, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			case 2 -> new String(whole, StandardCharsets.ISO_8859_1).replace("--b", "--c")
				.getBytes(StandardCharsets.ISO_8859_1);
			default -> randomBytes(this.random.nextInt(5_000));
		};
	}

	/** Well-formed multipart with fuzzed fields: names, file names, types, params, contents. */
	private byte[] fieldsMultipart(String boundary) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int parts = this.random.nextInt(6);
		for (int i = 0; i < parts; i++) {
			String name = pick("file", "files", "type", "params", "", "fi\u0000le", "x".repeat(300), "type");
			boolean isFile = this.random.nextBoolean();
			String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
					+ (isFile ? "; filename=\"" + pick("../../etc/passwd", "a\u0001b.wav", "x".repeat(5_000), "",
							"song.wav", "\u202e.png", "con.wav") + "\"" : "");
			body.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(switch (this.random.nextInt(7)) {
				case 0 -> this.wav;
				case 1 -> java.util.Arrays.copyOf(this.wav, this.random.nextInt(this.wav.length));
				case 2 -> pick("audio-features", "map-parse", "AUDIO", "", "video").getBytes(StandardCharsets.UTF_8);
				case 3 -> fuzzedJson();
				case 4 -> randomBytes(this.random.nextInt(3_000));
				case 5 -> "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
				default -> new byte[] { 'P', 'K', 3, 4, 0, 0 };
			});
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private byte[] fuzzedJson() {
		String json = switch (this.random.nextInt(8)) {
			case 0 -> "[".repeat(5_000) + "]".repeat(5_000);
			case 1 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
			case 2 -> "{\"type\": \"audio-features\", \"sha256\": \"" + garbageSegment() + "\"}";
			case 3 -> "{\"sourceTaskId\": " + pick("1", "null", "[]", "{}", "\"x\"", "true") + ", \"type\": "
					+ pick("1", "null", "\"audio-features\"", "[\"a\"]") + ", \"params\": "
					+ pick("1", "\"x\"", "[]", "{}", "null") + "}";
			case 4 -> "{\"name\": \"" + "n".repeat(this.random.nextInt(500)) + "\"}";
			case 5 -> "\"" + "\\u0000".repeat(100) + "\"";
			case 6 -> "1e99999999";
			default -> new String(randomBytes(this.random.nextInt(300)), StandardCharsets.ISO_8859_1);
		};
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private String garbageSegment() {
		return pick("", "..%2F..%2Fetc", "%00", "%ff%fe", "x".repeat(2_000), "-1", "99999999999999999999",
				"01a2063b-b2ad-729a-a02c-9411a8081776", UUID.randomUUID().toString(), "%E2%80%AE", "null", "1.5",
				"%20", "%25");
	}

	private String garbageHeader() {
		return pick("", " ", "W/\"", "*", "\"x\", W/\"y\"", "x".repeat(8_000), "hop_" + UUID.randomUUID(),
				"\u00e9\u00e8", "a,b,c", "Bearer", "\t", "0");
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}

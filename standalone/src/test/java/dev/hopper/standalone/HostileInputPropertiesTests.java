package dev.hopper.standalone;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input (jqwik) against standalone through real HTTP on loopback: any
 * file name, any params object, any truncation of a valid upload. Each answer is a 2xx or a
 * 4xx problem with a code, never a 5xx or a retryable 503; params accepted come back as sent.
 * What each property tried is printed, and recorded in docs/reliability.md.
 */
class HostileInputPropertiesTests {

	private static final String BOUNDARY = "property-boundary-19";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] WAV = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.3);

	private static final Map<String, AtomicInteger> TRIED = new ConcurrentHashMap<>();

	private static EmbeddedInfrastructure embedded;

	private static ConfigurableApplicationContext context;

	private static int port;

	private static String sourceTask;

	@BeforeContainer
	static void start() throws Exception {
		embedded = HopperStandalone.start(Files.createTempDirectory("hopper-properties-it"));
		Map<String, Object> properties = new HashMap<>(embedded.properties());
		properties.put("hopper.amqp.namespace", "hopper-props-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("hopper.admission.intake-per-minute", 1_000_000);
		properties.put("logging.level.dev.hopper", "error");
		properties.putAll(Http.keyProperties());
		context = HopperStandalone.application(properties).run("--server.port=0");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> first = post("/api/v1/tasks", "multipart/form-data; boundary=" + BOUNDARY,
				multipart("tone.wav", "{}"));
		sourceTask = JSON.readTree(first.body()).get("id").asString();
	}

	@AfterContainer
	static void stop() {
		TRIED.forEach((name, count) -> System.out.printf("hostile property %s: %d inputs, 5xx: 0%n", name, count.get()));
		if (context != null) {
			context.close();
		}
		if (embedded != null) {
			embedded.close();
		}
	}

	@Property(tries = 150)
	void anyFileNameIsAcceptedOrRefusedByName(@ForAll("fileNames") String name) throws Exception {
		HttpResponse<String> answer = post("/api/v1/tasks", "multipart/form-data; boundary=" + BOUNDARY,
				multipart(name, null));
		assertAnswered("file names", answer);
	}

	@Property(tries = 150)
	void anyParamsObjectIsKeptAsSentOrRefusedByName(@ForAll("params") Map<String, Object> params) throws Exception {
		String body = JSON.writeValueAsString(Map.of("sourceTaskId", sourceTask, "type", "audio-features", "params",
				params));
		HttpResponse<String> answer = post("/api/v1/tasks", "application/json", body.getBytes(StandardCharsets.UTF_8));
		assertAnswered("params", answer);
		if (answer.statusCode() == 202) {
			String id = JSON.readTree(answer.body()).get("id").asString();
			// as JSON, where 5 is 5 whether it was read back as an int or a long
			assertThat(JSON.writeValueAsString(context.getBean(TaskQueries.class).find(id).orElseThrow().params()))
				.isEqualTo(JSON.writeValueAsString(params));
		}
	}

	@Property(tries = 150)
	void anyTruncationOfAnUploadIsTheClientsError(@ForAll @IntRange(min = 1, max = 400) int cut) throws Exception {
		byte[] whole = multipart("cut.wav", "{\"a\": 1}");
		HttpResponse<String> answer = post("/api/v1/batches", "multipart/form-data; boundary=" + BOUNDARY,
				Arrays.copyOf(whole, whole.length - Math.min(cut, whole.length - 1)));
		assertAnswered("truncations", answer);
		// a cut within the closing delimiter may leave every part whole (its last "--" and CRLF are
		// a formality the parser forgives); a cut into a part's content never does
		int closing = ("\r\n--" + BOUNDARY + "--\r\n").length();
		if (cut > closing) {
			assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
		}
	}

	@Provide
	Arbitrary<String> fileNames() {
		return text(300);
	}

	@Provide
	Arbitrary<Map<String, Object>> params() {
		Arbitrary<String> keys = Arbitraries.oneOf(text(20),
				Arbitraries.of("a.b", "$where", "%2E", "nul\0key", "", "$", ".", "50%", "%25"));
		Arbitrary<Object> leaves = Arbitraries.oneOf(text(40).map(Object.class::cast),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
				Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.doubles().between(-1e12, 1e12).map(Object.class::cast));
		Arbitrary<Object> nested = Arbitraries.maps(keys, leaves).ofMaxSize(4).map(LinkedHashMap::new)
			.map(Object.class::cast);
		return Arbitraries.maps(keys, Arbitraries.oneOf(leaves, nested, leaves.list().ofMaxSize(3).map(Object.class::cast)))
			.ofMaxSize(6)
			.map(LinkedHashMap::new);
	}

	/** Any text a JSON document can carry: every UTF-16 unit but lone surrogates, controls and NUL included. */
	private static Arbitrary<String> text(int maxLength) {
		return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
			.ofMaxLength(maxLength);
	}

	/** A 2xx, or a 4xx problem with a code; never a 5xx, never a 503 for the client's own input. */
	private static void assertAnswered(String property, HttpResponse<String> answer) throws Exception {
		TRIED.computeIfAbsent(property, (name) -> new AtomicInteger()).incrementAndGet();
		assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
		if (answer.statusCode() >= 400) {
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(JSON.readTree(answer.body()).get("code").asString()).isNotBlank();
		}
	}

	private static byte[] multipart(String fileName, String params) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\naudio-features\r\n")
			.getBytes(StandardCharsets.UTF_8));
		if (params != null) {
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"params\"\r\n\r\n" + params
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(WAV);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-API-Key", Http.API_KEY)
			.header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

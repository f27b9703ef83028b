package dev.hopper.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's own behaviour (what it sends, how it waits and retries), against a small
 * HTTP server on loopback that answers as the API does. The client against the real API is
 * tested end to end in the standalone module.
 */
class HopperClientTests {

	private static final String TASK = """
			{"id":"t1","type":"audio-features","state":"QUEUED","progress":{"done":0,"total":0,"percent":0},
			"attempts":0,"createdAt":"2026-12-06T00:00:00Z","sha256":"ab","cancelRequested":false,"cached":false,
			"queuePosition":3,"somethingNew":true}""";

	private HttpServer server;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusalsLeft = new AtomicInteger();

	private HopperClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.client = HopperClient.builder(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.apiKey("hk_test")
			.maxAttempts(3)
			.build();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void anUploadStreamsTheFileWithItsTypeInTheQueryAndAnIdempotencyKey(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("tone \"1\".wav");
		byte[] bytes = new byte[100_000];
		new java.util.Random(1).nextBytes(bytes);
		Files.write(file, bytes);

		Task task = this.client.upload(file, "audio-features", Map.of("window", "hann"), "key-1");

		assertThat(task.id()).isEqualTo("t1");
		assertThat(task.state()).isEqualTo(Task.State.QUEUED);
		assertThat(task.queuePosition()).isEqualTo(3);
		Recorded sent = this.requests.get(0);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.query()).isEqualTo("type=audio-features&params={\"window\":\"hann\"}");
		assertThat(sent.idempotencyKey()).isEqualTo("key-1");
		assertThat(sent.apiKey()).isEqualTo("hk_test");
		assertThat(sent.contentType()).startsWith("multipart/form-data; boundary=");
		assertThat(indexOf(sent.body(), bytes)).as("the file's bytes, whole, in the body").isPositive();
		assertThat(new String(sent.body(), StandardCharsets.ISO_8859_1)).contains("filename=\"tone %221%22.wav\"");
	}

	@Test
	void aTooManyRequestsAnswerIsRetriedAfterItsRetryAfter() throws IOException {
		this.refusalsLeft.set(2);
		long started = System.nanoTime();

		Task task = this.client.task("t1");

		assertThat(task.id()).isEqualTo("t1");
		assertThat(this.requests).hasSize(3);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited the 1 s asked, twice")
			.isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void aRefusalIsThrownWithItsCodeAndNotRepeated() {
		assertThatExceptionOfType(HopperProblem.class).isThrownBy(() -> this.client.task("missing"))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(404);
				assertThat(problem.code()).isEqualTo("task_not_found");
				assertThat(problem.isTransient()).isFalse();
			});
		assertThat(this.requests).hasSize(1);
	}

	@Test
	void refusalsThatOutlastTheAttemptsAreThrown() {
		this.refusalsLeft.set(10);
		assertThatExceptionOfType(HopperProblem.class).isThrownBy(() -> this.client.task("t1"))
			.satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("too_many_waits");
				assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
		assertThat(this.requests).hasSize(3);
	}

	@Test
	void aQuotaStormIsWaitedOutForAsLongAsThePatienceLasts(@TempDir Path folder) throws IOException {
		HopperClient patient = HopperClient.builder(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.maxAttempts(2)
			.longestWait(Duration.ofMillis(50))
			.quotaPatience(Duration.ofSeconds(1))
			.build();
		Path file = Files.write(folder.resolve("a.wav"), new byte[5_000]);
		long[] sent = new long[1];
		this.refusalsLeft.set(6);

		Task task = patient.upload(file, "audio-features", Map.of(), "key-2", (bytes) -> sent[0] += bytes);

		assertThat(task.id()).isEqualTo("t1");
		assertThat(this.requests).as("six refusals, then the upload").hasSize(7);
		assertThat(sent[0]).as("the file's bytes, counted on each of the 7 sends").isEqualTo(7 * 5_000);

		this.requests.clear();
		this.refusalsLeft.set(100);
		assertThatExceptionOfType(HopperProblem.class)
			.isThrownBy(() -> patient.upload(file, "audio-features", Map.of(), "key-3"))
			.satisfies((problem) -> assertThat(problem.status()).isEqualTo(429));
		assertThat(this.requests).as("1 s of patience in 50 ms waits, then the attempts").hasSizeBetween(20, 23);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getQuery(),
					exchange.getRequestHeaders().getFirst("Idempotency-Key"),
					exchange.getRequestHeaders().getFirst("X-API-Key"),
					exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
		}
		if (exchange.getRequestURI().getPath().endsWith("/missing")) {
			reply(exchange, 404, "application/problem+json",
					"{\"status\":404,\"code\":\"task_not_found\",\"detail\":\"No task missing\"}");
		}
		else if (this.refusalsLeft.getAndDecrement() > 0) {
			exchange.getResponseHeaders().add("Retry-After", "1");
			reply(exchange, 429, "application/problem+json",
					"{\"status\":429,\"code\":\"too_many_waits\",\"detail\":\"Too many waits\"}");
		}
		else {
			reply(exchange, exchange.getRequestMethod().equals("POST") ? 202 : 200, "application/json", TASK);
		}
	}

	private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private record Recorded(String method, String query, String idempotencyKey, String apiKey, String contentType,
			byte[] body) {
	}

}

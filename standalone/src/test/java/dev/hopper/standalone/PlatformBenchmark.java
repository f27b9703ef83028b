package dev.hopper.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform at the speed of its own web stack, measured from outside on loopback, each
 * figure beside its baseline from the same run (issue 17's table, first rows):
 * <ol>
 * <li>status polls of a finished task at 64 connections, against the same server's trivial
 * endpoint ({@code /actuator/info});</li>
 * <li>a 1 s WAV from upload to SUCCEEDED, one at a time.</li>
 * </ol>
 *   tools/benchmarks/platform [seconds=10] [connections=64] [uploads=30]
 */
public final class PlatformBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PlatformBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int connections = (args.length > 1) ? Integer.parseInt(args[1]) : 64;
		int uploads = (args.length > 2) ? Integer.parseInt(args[2]) : 30;
		try (EmbeddedInfrastructure embedded = HopperStandalone.start(Files.createTempDirectory("hopper-platform"))) {
			Map<String, Object> properties = new HashMap<>(embedded.properties());
			properties.putAll(Http.keyProperties());
			properties.put("hopper.admission.intake-per-minute", 1_000_000);
			properties.put("logging.level.root", "warn");
			try (ConfigurableApplicationContext context = HopperStandalone.application(properties)
				.run("--server.port=0")) {
				String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
				Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
				byte[] second = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 440, 0.4);
				String finished = upload(http, second);
				await(http, finished);
				// warm both paths before measuring
				load(base + "/actuator/info", Http.ADMIN_KEY, connections, 2);
				load(base + "/api/v1/tasks/" + finished, Http.API_KEY, connections, 2);

				Load trivial = load(base + "/actuator/info", Http.ADMIN_KEY, connections, seconds);
				Load status = load(base + "/api/v1/tasks/" + finished, Http.API_KEY, connections, seconds);
				System.out.printf("baseline: GET /actuator/info, %d connections   %,8.0f req/s  p50 %6.1f ms  p99 %6.1f ms%n",
						connections, trivial.perSecond(), trivial.p(50), trivial.p(99));
				System.out.printf("GET /api/v1/tasks/{id} (finished), %d connections %,8.0f req/s  p50 %6.1f ms  p99 %6.1f ms"
						+ "  (%.2f× the baseline's rate)%n", connections, status.perSecond(), status.p(50), status.p(99),
						status.perSecond() / trivial.perSecond());

				List<Double> toSucceeded = new ArrayList<>();
				for (int i = 0; i < uploads; i++) {
					long started = System.nanoTime();
					await(http, upload(http, WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 300 + i, 0.4)));
					toSucceeded.add((System.nanoTime() - started) / 1e6);
				}
				Collections.sort(toSucceeded);
				System.out.printf("1 s WAV upload -> SUCCEEDED, one at a time (%d)   p50 %6.1f ms  p99 %6.1f ms%n", uploads,
						toSucceeded.get(toSucceeded.size() / 2),
						toSucceeded.get(Math.min(toSucceeded.size() - 1, (int) Math.ceil(toSucceeded.size() * 0.99) - 1)));
			}
		}
		System.exit(0);
	}

	private static String upload(Http http, byte[] wav) {
		return http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav)).json().get("id")
			.asString();
	}

	/** Long polls until the task has finished; it must have succeeded. */
	private static void await(Http http, String id) {
		while (true) {
			JsonNode task = http.get("/api/v1/tasks/" + id + "?waitSeconds=10").json();
			String state = task.get("state").asString();
			if ("SUCCEEDED".equals(state)) {
				return;
			}
			if ("FAILED".equals(state) || "CANCELLED".equals(state)) {
				throw new IllegalStateException(id + " ended " + state);
			}
		}
	}

	/** {@code connections} clients, each sending its next request when the last is answered, for {@code seconds}. */
	private static Load load(String url, String key, int connections, int seconds) throws Exception {
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).GET().build();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(connections);
		List<Future<List<Long>>> all = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			all.add(clients.submit(() -> {
				List<Long> micros = new ArrayList<>();
				while (System.nanoTime() < end) {
					long started = System.nanoTime();
					HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
					if (answer.statusCode() != 200) {
						throw new IllegalStateException(url + " answered " + answer.statusCode());
					}
					micros.add((System.nanoTime() - started) / 1_000);
				}
				return micros;
			}));
		}
		List<Long> micros = new ArrayList<>();
		for (Future<List<Long>> one : all) {
			micros.addAll(one.get());
		}
		clients.shutdown();
		Collections.sort(micros);
		return new Load(micros, seconds);
	}

	private record Load(List<Long> micros, int seconds) {

		double perSecond() {
			return this.micros.size() / (double) this.seconds;
		}

		double p(int percentile) {
			int index = Math.min(this.micros.size() - 1, (int) Math.ceil(this.micros.size() * percentile / 100.0) - 1);
			return this.micros.get(Math.max(0, index)) / 1000.0;
		}

	}

}

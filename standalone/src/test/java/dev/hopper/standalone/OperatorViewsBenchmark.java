package dev.hopper.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.Upload;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The operators' reads over a large store, measured from outside through HTTP: a filtered
 * page of tasks, the queue report and the console's overview, each beside the same server's
 * trivial endpoint in the same run. Standalone on its embedded servers (mongo-java-server
 * on its H2 file, with the equality indexes storage.embedded gives it).
 *   tools/benchmarks/operator-views [tasks=100000] [requests=100]
 */
public final class OperatorViewsBenchmark {

	private OperatorViewsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int taskCount = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int requests = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		try (EmbeddedInfrastructure embedded = HopperStandalone.start(Files.createTempDirectory("hopper-bench"))) {
			Map<String, Object> properties = new HashMap<>(embedded.properties());
			properties.putAll(Http.keyProperties());
			properties.put("logging.level.root", "warn");
			try (ConfigurableApplicationContext context = HopperStandalone.application(properties)
				.run("--server.port=0")) {
				long filled = fill(context.getBean(MongoTemplate.class), taskCount);
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				String base = "http://127.0.0.1:" + port;
				HttpClient client = HttpClient.newHttpClient();
				String session = signIn(client, base);
				System.out.printf("store: %,d tasks inserted in %,d ms; %d requests per row, one at a time%n",
						taskCount, filled, requests);
				double[] baseline = time(client, base + "/actuator/info", Http.ADMIN_KEY, null, requests);
				report("baseline: GET /actuator/info", baseline, baseline);
				report("GET /api/v1/tasks?state=FAILED&type=map-parse&pageSize=100",
						time(client, base + "/api/v1/tasks?state=FAILED&type=map-parse&pageSize=100", Http.API_KEY,
								null, requests), baseline);
				report("GET /api/v1/tasks?pageSize=100 (newest first, no filter)",
						time(client, base + "/api/v1/tasks?pageSize=100", Http.API_KEY, null, requests), baseline);
				report("GET /admin/v1/queues (the last refresh)",
						time(client, base + "/admin/v1/queues", Http.ADMIN_KEY, null, requests), baseline);
				report("GET /admin/v1/queues?fresh=true (read now)",
						time(client, base + "/admin/v1/queues?fresh=true", Http.ADMIN_KEY, null, Math.min(requests, 20)),
						baseline);
				report("GET /console (tenant overview)", time(client, base + "/console", null, session, requests),
						baseline);
			}
		}
		System.exit(0);
	}

	/** Tasks of the development tenant in every state and both types, straight into the store. */
	private static long fill(MongoTemplate mongo, int count) {
		long started = System.nanoTime();
		TaskState[] states = { TaskState.SUCCEEDED, TaskState.SUCCEEDED, TaskState.SUCCEEDED, TaskState.FAILED,
				TaskState.QUEUED, TaskState.CANCELLED };
		List<Task> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = TimeOrderedId.next(Clock.systemUTC());
			JobType type = (i % 3 == 0) ? JobType.MAP_PARSE : JobType.AUDIO_FEATURES;
			TaskState state = states[i % states.length];
			Task accepted = Task.accepted(id, Http.TENANT, type,
					new Upload("uploads/" + id, "0".repeat(64), 1000, ContentKind.WAV, "f.wav"), Map.of(), Instant.now());
			batch.add(new Task(id, accepted.tenantId(), type, state, accepted.progress(), 1, accepted.upload(),
					Map.of(), accepted.createdAt(), null, state.isTerminal() ? Instant.now() : null, null, null,
					(state == TaskState.FAILED) ? new TaskError("corrupt_audio", "bench") : null, true, false, null,
					null, null, null, Instant.now()));
			if (batch.size() == 1_000) {
				mongo.insert(batch, "tasks");
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			mongo.insert(batch, "tasks");
		}
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static String signIn(HttpClient client, String base) throws Exception {
		HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("key=" + Http.API_KEY))
			.build(), HttpResponse.BodyHandlers.discarding());
		return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
	}

	/** Milliseconds each request took, after a few to warm up. */
	private static double[] time(HttpClient client, String url, String key, String cookie, int requests)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (key != null) {
			request.header("X-API-Key", key);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		for (int i = 0; i < 5; i++) {
			client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		double[] millis = new double[requests];
		for (int i = 0; i < requests; i++) {
			long started = System.nanoTime();
			HttpResponse<Void> answer = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
			millis[i] = (System.nanoTime() - started) / 1e6;
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + answer.statusCode());
			}
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void report(String what, double[] millis, double[] baseline) {
		double p50 = percentile(millis, 0.50);
		double p99 = percentile(millis, 0.99);
		System.out.printf("%-62s p50 %8.1f ms  p99 %8.1f ms  (%6.1f× / %6.1f× the baseline)%n", what, p50, p99,
				p50 / percentile(baseline, 0.50), p99 / percentile(baseline, 0.99));
	}

	private static double percentile(double[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

}

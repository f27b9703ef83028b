package dev.hopper.standalone;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hopper.api.HopperApi;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.HopperWorkers;
import dev.hopper.workers.TaskListeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The api and a worker as two separate apps, each reading its own configuration and
 * meeting only through the broker and the stores, as in a distributed deployment.
 */
@ExtendWith(OutputCaptureExtension.class)
class DistributedAppsIntegrationTests {

	/** The paths the compose health checks and the Kubernetes probes ask. */
	static final List<String> PROBE_PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");

	@Test
	void anUploadToTheApiIsAnalysedByASeparateWorker(CapturedOutput logs) throws Exception {
		try (EmbeddedInfrastructure infrastructure = HopperStandalone
			.start(Files.createTempDirectory("hopper-distributed-it"))) {
			Map<String, Object> properties = new HashMap<>(infrastructure.properties());
			properties.put("hopper.amqp.namespace", "hopper-dist-" + UUID.randomUUID().toString().substring(0, 8));
			properties.put("server.port", 0);
			properties.put("management.server.port", 0);
			properties.putAll(Http.keyProperties());
			String[] args = properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new);

			// a pool of its own for one job type, as the Kubernetes manifests run them
			try (ConfigurableApplicationContext worker = HopperWorkers.application(Map.of())
				.run(with(args, "--hopper.worker.types=audio-features"));
					ConfigurableApplicationContext api = HopperApi.application(Map.of()).run(args)) {
				assertThat(api.getBeanNamesForType(JobOperator.class)).as("the api runs no jobs").isEmpty();
				assertThat(worker.getBean(TaskListeners.class).jobTypes()).containsExactly("audio-features");
				assertThat(api.getEnvironment().getProperty("spring.application.name")).isEqualTo("hopper-api");
				assertThat(worker.getEnvironment().getProperty("spring.application.name")).isEqualTo("hopper-workers");

				Http http = new Http(((WebServerApplicationContext) api).getWebServer().getPort());
				byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 44_100, 1, 2.0, 440, 0.5);
				// the client's own trace (W3C traceparent) is the one the task's lines carry
				String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
				String id = http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav),
						"traceparent", "00-" + clientTrace + "-00f067aa0ba902b7-01")
					.json().get("id").asString();

				JsonNode task = http.get("/api/v1/tasks/" + id).json();
				Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (!task.get("state").asString().equals("SUCCEEDED") && Instant.now().isBefore(deadline)) {
					Thread.sleep(100);
					task = http.get("/api/v1/tasks/" + id).json();
				}
				assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
				JsonNode result = http.get("/api/v1/tasks/" + id + "/result").json();
				assertThat(result.get("loudness").get("peakDbfs").asDouble())
					.isCloseTo(WavFixtures.peakDbfs(0.5), within(0.05));

				// one trace from the upload into the worker, and the task's id on every line about it
				Matcher accepted = logLine(logs, id, "accepted");
				Matcher started = logLine(logs, id, "started");
				Matcher ran = logLine(logs, id, "ran");
				assertThat(accepted.group("trace")).isEqualTo(clientTrace);
				assertThat(started.group("trace")).as("the worker continues the api's trace").isEqualTo(clientTrace);
				assertThat(ran.group("trace")).isEqualTo(accepted.group("trace"));
				assertThat(started.group("span")).isNotEqualTo(accepted.group("span"));

				// operators' endpoints on the management port only, where probes and Prometheus reach them
				assertThat(http.withKey(Http.ADMIN_KEY).get("/actuator/health").status()).isEqualTo(404);
				assertThat(http.withKey(Http.ADMIN_KEY).get("/actuator/prometheus").status()).isEqualTo(404);
				Http management = new Http(managementPort(api));
				assertThat(management.get("/actuator/health").json().get("components").propertyNames())
					.contains("mongo", "rabbit", "redis", "objectStorage");
				Http workerManagement = new Http(managementPort(worker));
				for (String path : PROBE_PATHS) {
					assertThat(management.get(path).json().get("status").asString()).as("api " + path).isEqualTo("UP");
					assertThat(workerManagement.get(path).json().get("status").asString()).as("worker " + path)
						.isEqualTo("UP");
				}
				String exported = management.get("/actuator/prometheus").body();
				// the KEDA triggers' queries name only metrics the api exports
				for (String query : DeploymentFilesTests.kedaQueries()) {
					assertThat(metricsIn(query)).isNotEmpty()
						.allSatisfy((metric) -> assertThat(exported).containsPattern("(?m)^" + metric + "[{ ]"));
				}
				assertThat(workerManagement.get("/actuator/prometheus").body())
					.contains("hopper_tasks_finished_total{outcome=\"succeeded\",type=\"audio-features\"}");
			}
		}
	}

	/** The log line "Task {id} {what}…", with the trace, span and task id its correlation prefix names. */
	private static Matcher logLine(CapturedOutput logs, String taskId, String what) {
		Pattern line = Pattern.compile("\\[(?<trace>[0-9a-f]{16,32}),(?<span>[0-9a-f]{16})," + taskId
				+ "\\] .*Task " + taskId + " " + what);
		Matcher found = line.matcher(logs.getAll());
		assertThat(found.find()).as("a line '" + line + "' in the log").isTrue();
		return found;
	}

	/** The Hopper metrics a PromQL query names. */
	static List<String> metricsIn(String query) {
		return Pattern.compile("\\bhopper_[a-z0-9_]+").matcher(query).results().map((m) -> m.group())
			.toList();
	}

	private static String[] with(String[] args, String extra) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = extra;
		return all;
	}

	private static int managementPort(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.management.port"));
	}

}

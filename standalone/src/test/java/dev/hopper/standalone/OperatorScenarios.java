package dev.hopper.standalone;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see: workers, queues, the scaling signal, and the dashboards that read them. */
interface OperatorScenarios extends Scenario {

	@Test
	default void theRunningWorkerAnnouncesItselfWithItsJobTypes() {
		Http admin = http().withKey(Http.ADMIN_KEY);
		JsonNode[] workers = new JsonNode[1];
		await(() -> {
			workers[0] = admin.get("/admin/v1/workers").json();
			return workers[0].size() > 0;
		}, "the worker to announce itself");

		JsonNode worker = workers[0].get(0);
		assertThat(worker.get("state").asString()).isEqualTo("live");
		assertThat(worker.get("jobTypes").valueStream().map(JsonNode::asString)).contains("audio-features",
				"map-parse", "byte-count");
		assertThat(worker.get("concurrency").asInt()).isPositive();
		assertThat(worker.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertProblem(http().get("/admin/v1/workers"), 401, "invalid_admin_key");
	}

	@Test
	default void eachQueueShowsItsBrokerAndStoreFiguresAndTheScalingSignal() {
		Http admin = http().withKey(Http.ADMIN_KEY);
		await(() -> admin.get("/admin/v1/workers").json().size() > 0, "the worker to announce itself");
		awaitFinished(submitSine());

		JsonNode snapshot = admin.get("/admin/v1/queues?fresh=true").json();
		assertThat(java.time.Instant.parse(snapshot.get("asOf").asString())).isAfter(java.time.Instant.now().minusSeconds(10));
		JsonNode queues = snapshot.get("queues");
		assertThat(queues.valueStream().map((queue) -> queue.get("type").asString())).containsExactly("audio-features",
				"map-parse", "byte-count");
		JsonNode audio = queues.get(0);
		assertThat(audio.get("consumers").asInt()).as("the worker's consumers on the broker").isPositive();
		assertThat(audio.get("liveWorkers").asInt()).isEqualTo(1);
		assertThat(audio.get("capacity").asInt()).isPositive();
		assertThat(audio.get("finishedPerMinute").get("lastFiveMinutes").asDouble()).isPositive();
		assertThat(audio.get("desiredWorkers").asInt()).isGreaterThanOrEqualTo(0);
		assertProblem(http().get("/admin/v1/queues"), 401, "invalid_admin_key");
		// without fresh=true: the last refresh, which says when it was read
		assertThat(admin.get("/admin/v1/queues").json().get("asOf").isNull()).isFalse();

		// the same figures as gauges, for Prometheus and an autoscaler
		await(() -> http().withKey(Http.ADMIN_KEY).get("/actuator/prometheus").body()
			.contains("hopper_scaling_desired_workers{type=\"audio-features\"}"), "the queue gauges");
		String metrics = http().withKey(Http.ADMIN_KEY).get("/actuator/prometheus").body();
		assertThat(metrics).contains("hopper_queue_ready{type=\"map-parse\"}", "hopper_workers_live{type=\"byte-count\"}",
				"hopper_queue_wait_seconds_bucket{type=\"audio-features\"", "hopper_job_duration_seconds_bucket");
	}

	@Test
	default void theDashboardAndAlertRulesNameOnlyMetricsHopperExports() throws Exception {
		java.nio.file.Path folder = java.nio.file.Path.of("..", "deploy", "observability");
		String alerts = java.nio.file.Files.readString(folder.resolve("hopper-alerts.yml"));
		String dashboard = java.nio.file.Files.readString(folder.resolve("hopper-dashboard.json"));
		Map<String, Object> rules = new org.yaml.snakeyaml.Yaml().load(alerts);
		assertThat(rules).containsKey("groups");
		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(dashboard).get("panels"))
			.isNotEmpty();
		// a finished task, so the counters and histograms have their first samples
		awaitFinished(submitSine());
		await(() -> http().withKey(Http.ADMIN_KEY).get("/actuator/prometheus").body().contains("hopper_scaling_desired_workers"),
				"the queue gauges");

		String exported = http().withKey(Http.ADMIN_KEY).get("/actuator/prometheus").body();
		java.util.Set<String> named = new java.util.TreeSet<>();
		java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\bhopper_[a-z0-9_]+").matcher(alerts + dashboard);
		while (metric.find()) {
			named.add(metric.group());
		}
		assertThat(named).isNotEmpty();
		for (String name : named) {
			assertThat(exported).as(name + " is exported").containsPattern("(?m)^" + name + "[{ ]");
		}
	}

}

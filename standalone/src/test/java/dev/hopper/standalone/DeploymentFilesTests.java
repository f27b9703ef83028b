package dev.hopper.standalone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.hopper.standalone.DeploymentFiles.Manifest;
import dev.hopper.workers.WorkerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static dev.hopper.standalone.DeploymentFiles.cast;
import static dev.hopper.standalone.DeploymentFiles.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the compose file and the Kubernetes manifests without Docker or a
 * cluster: images that can be pulled, settings that reach a property, ports and grace periods
 * that agree with the apps. {@link DistributedAppsIntegrationTests} asks the running apps the
 * probe paths and the metrics these files name.
 */
class DeploymentFilesTests {

	/** registry host (with a dot or a port) / path : tag, or @ digest; never latest. */
	private static final Pattern PULLABLE = Pattern
		.compile("[a-z0-9.-]+(\\.[a-z0-9-]+|:[0-9]+)/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})");

	private static final Duration SHUTDOWN_TIMEOUT = defaultWorkerProperties().shutdownTimeout();

	@Test
	void everyImageNamesItsRegistryAndAPinnedTag() {
		List<String> images = new ArrayList<>();
		services().values().stream().map(DeploymentFiles::cast).forEach((service) -> {
			if (service.get("image") != null) {
				images.add((String) service.get("image"));
			}
		});
		for (Manifest manifest : deployments()) {
			manifest.containers().forEach((container) -> images.add((String) container.get("image")));
		}
		assertThat(images).hasSizeGreaterThanOrEqualTo(7);
		assertThat(images).allSatisfy((image) -> {
			assertThat(image).matches(PULLABLE);
			assertThat(image).doesNotEndWith(":latest");
		});
	}

	@Test
	void everyEnvironmentVariableOfTheAppsSetsARealProperty() {
		Map<String, Set<String>> byApp = new LinkedHashMap<>();
		Map<String, Object> services = services();
		byApp.put("api", new TreeSet<>(environment(cast(services.get("api"))).keySet()));
		byApp.put("workers", new TreeSet<>(environment(cast(services.get("worker"))).keySet()));
		for (Manifest deployment : deployments()) {
			String app = app(deployment);
			for (Map<String, Object> container : deployment.containers()) {
				list(container.get("env")).forEach((env) -> byApp.get(app).add((String) cast(env).get("name")));
			}
		}
		Map<String, String> shared = new LinkedHashMap<>(configMap().entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> String.valueOf(e.getValue()))));
		shared.putAll(DeploymentFiles.envFile(DeploymentFiles.ROOT.resolve("deploy/k8s/overlays/example/secrets.env.example")));

		List<String> unread = new ArrayList<>();
		byApp.forEach((app, names) -> names.stream()
			.filter((name) -> !DeploymentFiles.isSetting(app, name))
			.forEach((name) -> unread.add(app + ": " + name)));
		// the ConfigMap and the Secret go to both apps: each setting must reach one of them
		shared.keySet()
			.stream()
			.filter((name) -> !DeploymentFiles.isSetting("api", name) && !DeploymentFiles.isSetting("workers", name))
			.forEach((name) -> unread.add("shared: " + name));
		assertThat(unread).as("variables no property reads").isEmpty();
		// compose's .env sets compose's own variables: each one is used
		String compose = DeploymentFiles.read(DeploymentFiles.ROOT.resolve("docker-compose.yml"));
		assertThat(DeploymentFiles.envFile(DeploymentFiles.ROOT.resolve(".env.example")).keySet())
			.allSatisfy((name) -> assertThat(compose).contains("${" + name));
	}

	@Test
	void theSettingsCheckTellsAVariableAnAppReadsFromATypo() {
		assertThat(DeploymentFiles.isSetting("workers", "HOPPER_WORKER_SHUTDOWNTIMEOUT")).isTrue();
		assertThat(DeploymentFiles.isSetting("workers", "HOPPER_JOBS_MAPS_MODEL_BASE_URL")).isTrue();
		assertThat(DeploymentFiles.isSetting("api", "HOPPER_ADMIN_KEY")).isTrue();
		assertThat(DeploymentFiles.isSetting("api", "SPRING_RABBITMQ_VIRTUAL_HOST")).isTrue();
		assertThat(DeploymentFiles.isSetting("workers", "HOPPER_WORKER_SHUTDOWN_TIMEOUTS")).isFalse();
		assertThat(DeploymentFiles.isSetting("api", "HOPPER_S3_ENDPIONT")).isFalse();
		assertThat(DeploymentFiles.isSetting("workers", "HOPPER_ADMIN_KEY")).as("the api's placeholder only").isFalse();
	}

	@Test
	void aStoppingWorkerHasLongerThanItsShutdownTimeoutBeforeItIsKilled() {
		Duration composeGrace = DurationStyle.detectAndParse((String) cast(services().get("worker")).get("stop_grace_period"));
		assertThat(composeGrace).isGreaterThan(SHUTDOWN_TIMEOUT);
		List<Manifest> workers = deployments().stream().filter((d) -> app(d).equals("workers")).toList();
		assertThat(workers).hasSizeGreaterThanOrEqualTo(2);
		for (Manifest worker : workers) {
			Duration timeout = worker.containers()
				.stream()
				.flatMap((c) -> list(c.get("env")).stream())
				.map(DeploymentFiles::cast)
				.filter((env) -> "HOPPER_WORKER_SHUTDOWNTIMEOUT".equals(env.get("name")))
				.map((env) -> DurationStyle.detectAndParse((String) env.get("value")))
				.findFirst()
				.orElse(SHUTDOWN_TIMEOUT);
			int grace = ((Number) worker.podSpec().get("terminationGracePeriodSeconds")).intValue();
			assertThat(Duration.ofSeconds(grace)).as(worker.name()).isGreaterThan(timeout);
		}
	}

	@Test
	void portsAndProbesAgreeWithTheApps() {
		// compose: the api's public port, and the health checks on each app's management port
		assertThat(list(cast(services().get("api")).get("ports"))).singleElement()
			.asString()
			.endsWith(":" + property("api", "server.port"));
		assertThat(healthCheckUrl("api")).startsWith("http://localhost:" + property("api", "management.server.port") + "/");
		assertThat(healthCheckUrl("worker")).startsWith("http://localhost:" + property("workers", "server.port") + "/");
		// kubernetes: every probe on the container's management port, the port the app is told to use
		for (Manifest deployment : deployments()) {
			String app = app(deployment);
			for (Map<String, Object> container : deployment.containers()) {
				int management = containerPort(container, "management");
				String variable = app.equals("api") ? "HOPPER_MANAGEMENT_PORT" : "HOPPER_WORKER_PORT";
				assertThat(env(container, variable)).as(deployment.name() + " " + variable)
					.isEqualTo(String.valueOf(management));
				for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					Map<String, Object> get = cast(cast(container.get(probe)).get("httpGet"));
					assertThat(get.get("port")).as(deployment.name() + " " + probe).isEqualTo("management");
					assertThat((String) get.get("path")).isIn(DistributedAppsIntegrationTests.PROBE_PATHS);
				}
			}
		}
	}

	@Test
	void everyScaledObjectScalesAWorkerPoolOnItsOwnTypesSignal() {
		Map<String, String> poolTypes = new LinkedHashMap<>();
		deployments().stream()
			.filter((d) -> app(d).equals("workers"))
			.forEach((d) -> poolTypes.put(d.name(), env(d.containers().get(0), "HOPPER_WORKER_TYPES")));
		List<Manifest> scaled = DeploymentFiles.manifests()
			.stream()
			.filter((m) -> "ScaledObject".equals(m.kind()) && m.file().contains("/base/"))
			.toList();
		assertThat(scaled.stream().map((m) -> target(m)).toList()).containsExactlyInAnyOrderElementsOf(poolTypes.keySet());
		for (Manifest object : scaled) {
			Map<String, Object> trigger = cast(list(cast(object.body().get("spec")).get("triggers")).get(0));
			String query = (String) cast(trigger.get("metadata")).get("query");
			assertThat(DistributedAppsIntegrationTests.metricsIn(query)).isNotEmpty();
			assertThat(query).contains("type=\"" + poolTypes.get(target(object)) + "\"");
		}
	}

	static List<String> kedaQueries() {
		return DeploymentFiles.manifests()
			.stream()
			.filter((m) -> "ScaledObject".equals(m.kind()))
			.flatMap((m) -> list(cast(m.body().get("spec")).get("triggers")).stream())
			.map((t) -> (String) cast(cast(t).get("metadata")).get("query"))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static String target(Manifest scaledObject) {
		return (String) cast(cast(scaledObject.body().get("spec")).get("scaleTargetRef")).get("name");
	}

	private static String healthCheckUrl(String service) {
		List<Object> test = list(cast(cast(services().get(service)).get("healthcheck")).get("test"));
		return (String) test.get(test.size() - 1);
	}

	private static int containerPort(Map<String, Object> container, String name) {
		return list(container.get("ports")).stream()
			.map(DeploymentFiles::cast)
			.filter((port) -> name.equals(port.get("name")))
			.map((port) -> ((Number) port.get("containerPort")).intValue())
			.findFirst()
			.orElseThrow();
	}

	private static String env(Map<String, Object> container, String name) {
		return list(container.get("env")).stream()
			.map(DeploymentFiles::cast)
			.filter((env) -> name.equals(env.get("name")))
			.map((env) -> String.valueOf(env.get("value")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not set"));
	}

	/** The value a property takes in an app with no environment: its placeholder's default. */
	private static String property(String app, String dotted) {
		String[] path = dotted.split("\\.");
		Object node = new org.yaml.snakeyaml.Yaml().load(DeploymentFiles.appConfiguration(app));
		for (String key : path) {
			node = cast(node).get(key);
		}
		Matcher placeholder = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}").matcher(String.valueOf(node));
		return placeholder.matches() ? placeholder.group(1) : String.valueOf(node);
	}

	private static Map<String, Object> services() {
		return cast(DeploymentFiles.compose().get("services"));
	}

	private static Map<String, Object> environment(Map<String, Object> service) {
		return new LinkedHashMap<>(cast(service.get("environment")));
	}

	private static Map<String, Object> configMap() {
		return DeploymentFiles.manifests()
			.stream()
			.filter((m) -> "ConfigMap".equals(m.kind()))
			.map((m) -> cast(m.body().get("data")))
			.findFirst()
			.orElseThrow();
	}

	private static List<Manifest> deployments() {
		return DeploymentFiles.manifests().stream().filter((m) -> "Deployment".equals(m.kind())).toList();
	}

	private static String app(Manifest deployment) {
		return deployment.name().equals("hopper-api") ? "api" : "workers";
	}

	private static WorkerProperties defaultWorkerProperties() {
		return new WorkerProperties(null, 0, 0, null, null, null, null, null, null, null, null, null, null);
	}

}

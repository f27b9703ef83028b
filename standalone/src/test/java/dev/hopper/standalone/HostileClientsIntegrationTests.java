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

package dev.hopper.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for a task cheaply: ETags and long polls, Server-Sent Events, signed webhooks. */
interface PushScenarios extends Scenario {

	@Test
	default void pollingIsCheapAndALongPollReturnsAsSoonAsTheTaskChanges() throws Exception {
		String id = insertQueuedTask();
		Http.Response queued = http().get("/api/v1/tasks/" + id);
		String etag = queued.header("ETag");
		assertThat(etag).startsWith("W/\"");
		assertThat(queued.json().get("queuePosition").asLong()).isPositive();
		assertThat(queued.json().get("heartbeatAgeSeconds").isNull()).isTrue();
		assertThat(http().get("/api/v1/tasks/" + id, "If-None-Match", etag).status()).isEqualTo(304);

		// nothing changes: the wait runs out and says so
		Http.Response unchanged = http().get("/api/v1/tasks/" + id + "?waitSeconds=1", "If-None-Match", etag);
		assertThat(unchanged.status()).isEqualTo(304);

		// a change wakes the waiting request long before its 30 seconds are up
		Instant asked = Instant.now();
		var waiting = http().getLater("/api/v1/tasks/" + id + "?waitSeconds=30", "If-None-Match", etag);
		Thread.sleep(500);
		assertThat(waiting).as("still waiting").isNotDone();
		http().delete("/api/v1/tasks/" + id);
		Http.Response woken = waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(20));
		assertThat(woken.status()).isEqualTo(200);
		assertThat(woken.json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(woken.header("ETag")).isNotEqualTo(etag);

		assertProblem(http().get("/api/v1/tasks/" + id + "?waitSeconds=61"), 400, "invalid_wait_seconds");
	}

	@Test
	default void eventsStreamEachChangeUntilTheFinalStateAndResumeByLastEventId() {
		String id = submitSine();
		Http.Response stream = http().get("/api/v1/tasks/" + id + "/events", "Accept", "text/event-stream");
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.contentType()).startsWith("text/event-stream");
		List<String> ids = new java.util.ArrayList<>();
		List<JsonNode> events = new java.util.ArrayList<>();
		for (String line : stream.body().split("\n")) {
			if (line.startsWith("id:")) {
				ids.add(line.substring(3).strip());
			}
			else if (line.startsWith("data:")) {
				events.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5)));
			}
		}
		assertThat(events).isNotEmpty().hasSameSizeAs(ids);
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(events.get(events.size() - 1).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(events.stream().map((e) -> e.get("id").asString())).containsOnly(id);

		// the client saw the final state: reconnecting is told to stop
		assertThat(http().get("/api/v1/tasks/" + id + "/events", "Last-Event-ID", ids.get(ids.size() - 1))
			.status()).isEqualTo(204);
		// a client that saw an earlier version gets the final one at once
		Http.Response resumed = http().get("/api/v1/tasks/" + id + "/events", "Last-Event-ID", "stale");
		assertThat(resumed.body()).contains("id:" + ids.get(ids.size() - 1)).contains("\"SUCCEEDED\"");
	}

	@Test
	default void streamsOfFinishedTasksGiveTheirWaitBackSoAFollowerNeverRunsOutOfThem() {
		// a tenant of its own, so its budget of waits (100) is this scenario's alone
		String tenant = "follower-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Http follower = http().withKey(http().withKey(Http.ADMIN_KEY)
			.post("/admin/v1/tenants/" + tenant + "/keys", "application/json", "{}")
			.json().get("key").asString());
		byte[] wav = dev.hopper.jobs.audio.engine.WavFixtures.sine(dev.hopper.jobs.audio.engine.SampleEncoding.PCM_S16,
				8_000, 1, 0.2, 611, 0.5);
		String id = follower.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
		await(() -> follower.get("/api/v1/tasks/" + id).body().contains("\"SUCCEEDED\""), "the task to finish");

		for (int i = 0; i < 150; i++) {
			Http.Response stream = follower.get("/api/v1/tasks/" + id + "/events", "Accept", "text/event-stream");
			assertThat(stream.status()).as("stream " + i).isEqualTo(200);
			assertThat(stream.body()).contains("\"SUCCEEDED\"");
		}
	}

	@Test
	default void aFinishedTaskIsSignedAndDeliveredToItsWebhookRetryingUntilTheEndpointTakesIt() throws Exception {
		List<com.sun.net.httpserver.Headers> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
		com.sun.net.httpserver.HttpServer endpoint = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/hook", (exchange) -> {
			headers.add(exchange.getRequestHeaders());
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			// the first delivery fails: the relay must try again
			exchange.sendResponseHeaders((bodies.size() == 1) ? 500 : 204, -1);
			exchange.close();
		});
		endpoint.start();
		try {
			String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 500, 0.5);
			String id = http().postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "webhook", url, "file", wav)).json().get("id").asString();
			assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
			await(() -> bodies.size() >= 2, "the webhook delivered after one failure");
			sleepQuietly(500);
			assertThat(bodies).as("delivered once accepted, not again").hasSize(2);

			JsonNode notice = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bodies.get(1));
			assertThat(notice.get("id").asString()).isEqualTo(id);
			assertThat(notice.get("state").asString()).isEqualTo("SUCCEEDED");
			String secret = http().get("/api/v1/webhook-secret").json().get("secret").asString();
			String signature = headers.get(1).getFirst("Hopper-Signature");
			String timestamp = signature.substring(2, signature.indexOf(','));
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"HmacSHA256"));
			String expected = java.util.HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + bodies.get(1)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + expected);
			assertThat(headers.get(0).getFirst("Hopper-Delivery")).isNotEqualTo(headers.get(1).getFirst("Hopper-Delivery"));

			assertProblem(http().postMultipart("/api/v1/tasks",
					Http.parts("type", "audio-features", "webhook", "ftp://example.com/x", "file", wav)), 400,
					"invalid_webhook");
		}
		finally {
			endpoint.stop(0);
		}
	}

}

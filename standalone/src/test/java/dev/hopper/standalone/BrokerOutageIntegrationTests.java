package dev.hopper.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The machine's RabbitMQ is stopped (rabbitmqctl stop_app) for 15 seconds in the middle of
 * a stream of 50 uploads (tools/faults/broker-outage runs the 30 s and 1,000). Every upload is still answered 202 (the task document is the outbox),
 * and once the broker is back every task is published, analysed once and succeeds: lost 0,
 * duplicated 0. Runs where rabbitmqctl can stop the local broker (as in CI), else skips.
 */
class BrokerOutageIntegrationTests {

	/** Uploads in all (a fifth before, three fifths during, a fifth after the outage); CI's default is short. */
	private static final int UPLOADS = Integer.getInteger("hopper.outage.uploads", 50);

	private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("hopper.outage.seconds", 15));

	private static final int BEFORE = UPLOADS / 5;

	private static final int DURING = UPLOADS - 2 * BEFORE;

	private static final int AFTER = BEFORE;

	@Test
	void uploadsDuringABrokerOutageAreAllAcceptedPublishedAndAnalysedOnce() throws Exception {
		assumeThat(LocalServices.available() && rabbitmqctl("status")).as("a local RabbitMQ rabbitmqctl controls")
			.isTrue();
		Path directory = Files.createTempDirectory("hopper-outage-it");
		try (EmbeddedInfrastructure embedded = new EmbeddedInfrastructure().inMemoryMongo()
			.s3(directory.resolve("s3"))) {
			Map<String, Object> properties = new HashMap<>(embedded.properties());
			properties.putAll(LocalServices.properties());
			properties.put("hopper.amqp.namespace", "hopper-outage-" + UUID.randomUUID().toString().substring(0, 8));
			properties.put("hopper.amqp.confirm-timeout", "2s");
			properties.put("hopper.outbox.delay", "1s");
			properties.put("hopper.outbox.interval", "1s");
			properties.putAll(Http.keyProperties());
			// one tenant uploads everything here: lift its intake quota out of the way
			properties.put("hopper.admission.intake-per-minute", Math.max(600, 4 * UPLOADS));
			try (ConfigurableApplicationContext context = HopperStandalone.application(properties)
				.run("--server.port=0")) {
				Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
				List<String> ids = new ArrayList<>();
				submit(http, ids, BEFORE);
				assertThat(rabbitmqctl("stop_app")).isTrue();
				Instant stopped = Instant.now();
				try {
					submit(http, ids, DURING);
					long left = OUTAGE.toMillis() - Duration.between(stopped, Instant.now()).toMillis();
					if (left > 0) {
						Thread.sleep(left);
					}
				}
				finally {
					assertThat(rabbitmqctl("start_app")).isTrue();
				}
				Instant restarted = Instant.now();
				submit(http, ids, AFTER);

				Instant deadline = Instant.now().plus(Duration.ofMinutes(3).plusMillis(300L * UPLOADS));
				long succeeded = 0;
				while (Instant.now().isBefore(deadline)) {
					succeeded = ids.stream()
						.filter((id) -> http.get("/api/v1/tasks/" + id).json().get("state").asString().equals("SUCCEEDED"))
						.count();
					if (succeeded == ids.size()) {
						break;
					}
					Thread.sleep(500);
				}
				System.out.printf(
						"Broker outage of %d s: %d uploads (%d while it was down), lost %d, all done %.1f s after restart%n",
						OUTAGE.toSeconds(), ids.size(), DURING, ids.size() - succeeded,
						Duration.between(restarted, Instant.now()).toMillis() / 1000.0);
				assertThat(succeeded).as("lost none").isEqualTo(ids.size());
				MongoTemplate mongo = context.getBean(MongoTemplate.class);
				assertThat(mongo.getCollection("results").countDocuments()).as("one result each").isEqualTo(ids.size());
				assertThat(Scenario.jobRuns(context)).as("one job run each, none twice").isEqualTo(ids.size());
			}
		}
	}

	private static void submit(Http http, List<String> ids, int count) {
		for (int i = 0; i < count; i++) {
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 300 + ids.size(), 0.5);
			Http.Response accepted = http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file",
					wav));
			assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
			ids.add(accepted.json().get("id").asString());
		}
	}

	private static boolean rabbitmqctl(String command) {
		try {
			Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

package dev.hopper.api.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskBuilder;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.WebhookOutbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where a webhook may go, decided on the resolver's answer: names resolve through a table
 * here, so no test asks real DNS or sends a packet anywhere.
 */
class WebhookTargetsTests {

	private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34", "rebinding.example",
			"10.0.0.7", "dual.example", "93.184.216.34,fd00::1");

	private final WebhookTargets targets = targets(false);

	@Test
	void aPublicDestinationIsAccepted() {
		assertThat(this.targets.check("https://hooks.example.com/hopper")).isEqualTo("https://hooks.example.com/hopper");
	}

	@Test
	void everySpecialPurposeDestinationIsRefusedAtIntakeByName() {
		for (String url : List.of("http://100.64.0.1/h", "http://[fd00::1]/h", "http://[::ffff:192.168.0.1]/h",
				"http://169.254.169.254/latest/meta-data", "http://127.0.0.1:8080/h", "http://[::1]/h",
				"https://rebinding.example/h", "https://dual.example/h", "https://no-such-host.example/h")) {
			assertThatExceptionOfType(ApiProblem.class).as(url).isThrownBy(() -> this.targets.check(url))
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo("invalid_webhook"));
		}
	}

	@Test
	void privateDestinationsPassWhereTheDeploymentAllowsThem() {
		assertThat(targets(true).check("http://127.0.0.1:9/h")).isEqualTo("http://127.0.0.1:9/h");
	}

	/** A name that resolved to a public address at intake and to a private one now is given up, never retried. */
	@Test
	void aDeliveryToADestinationNowRefusedIsGivenUpForGood() {
		FakeOutbox outbox = new FakeOutbox(new TaskBuilderWithWebhook("https://rebinding.example/h").task());
		WebhookRelay relay = new WebhookRelay(outbox, new WebhookSigner("k"), this.targets, properties(false),
				JsonMapper.builder().build(), Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));

		relay.deliverDue();

		assertThat(outbox.refused).singleElement().asString().contains("10.0.0.7", "private");
		assertThat(outbox.failed).isEmpty();
		assertThat(outbox.delivered).isEmpty();
	}

	/**
	 * The connector uses the addresses checked, and asks nobody again: a name that would
	 * answer differently the second time (here, another loopback address where nothing
	 * listens) still reaches the checked one. Only 127.0.0.0/8 is ever contacted.
	 */
	@Test
	void aDeliveryConnectsToTheAddressesCheckedAndResolvesNothingItself() throws Exception {
		com.sun.net.httpserver.HttpServer endpoint = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
		endpoint.createContext("/h", (exchange) -> {
			received.add(exchange.getRequestHeaders().getFirst("Hopper-Event"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		endpoint.start();
		java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
		WebhookTargets rebinding = new WebhookTargets(properties(true), (host) -> new InetAddress[] {
				InetAddress.getByName((lookups.getAndIncrement() == 0) ? "127.0.0.1" : "127.0.0.2") });
		FakeOutbox outbox = new FakeOutbox(new TaskBuilderWithWebhook(
				"http://hooks.test:" + endpoint.getAddress().getPort() + "/h").task());
		try {
			new WebhookRelay(outbox, new WebhookSigner("k"), rebinding, properties(true), JsonMapper.builder().build(),
					Clock.systemUTC())
				.deliverDue();
		}
		finally {
			endpoint.stop(0);
		}

		assertThat(received).containsExactly("task.finished");
		assertThat(outbox.delivered).hasSize(1);
		assertThat(lookups).hasValue(1);
	}

	private static WebhookTargets targets(boolean allowPrivate) {
		return new WebhookTargets(properties(allowPrivate), (host) -> {
			String[] answer = DNS.getOrDefault(host, host.matches("[0-9.:a-fA-F]+") ? host : null) == null ? null
					: DNS.getOrDefault(host, host).split(",");
			if (answer == null) {
				throw new UnknownHostException(host);
			}
			InetAddress[] addresses = new InetAddress[answer.length];
			for (int i = 0; i < answer.length; i++) {
				addresses[i] = InetAddress.getByName(answer[i]); // literals only: no lookup
			}
			return addresses;
		});
	}

	private static WebhookProperties properties(boolean allowPrivate) {
		return new WebhookProperties("signing-key", 10, Duration.ofSeconds(2), Duration.ofSeconds(2), allowPrivate);
	}

	private record TaskBuilderWithWebhook(String url) {

		Task task() {
			return TaskBuilder.aRunningTask().ofType(JobType.AUDIO_FEATURES).inState(TaskState.SUCCEEDED).build()
				.notifying(this.url);
		}

	}

	/** One finished task whose webhook is due once. */
	private static final class FakeOutbox implements WebhookOutbox {

		private Task due;

		final List<String> refused = new ArrayList<>();

		final List<String> failed = new ArrayList<>();

		final List<String> delivered = new ArrayList<>();

		FakeOutbox(Task due) {
			this.due = due;
		}

		@Override
		public Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts) {
			Optional<Task> next = Optional.ofNullable(this.due);
			this.due = null;
			return next;
		}

		@Override
		public void webhookDelivered(String id, Instant at) {
			this.delivered.add(id);
		}

		@Override
		public void webhookFailed(String id, String error, Instant nextAt) {
			this.failed.add(error);
		}

		@Override
		public void webhookRefused(String id, String why, Instant at) {
			this.refused.add(why);
		}

	}

}

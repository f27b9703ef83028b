package dev.hopper.api.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.hopper.api.status.TaskView;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.WebhookOutbox;
import dev.hopper.core.task.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers due webhooks: each finished task with one is claimed (one replica delivers it),
 * POSTed as the task JSON with its signature, and on failure tried again with exponential
 * backoff (2 s doubling, at most an hour) until its attempts run out.
 */
class WebhookRelay {

	private static final Logger logger = LoggerFactory.getLogger(WebhookRelay.class);

	private static final int BATCH = 50;

	private final WebhookOutbox tasks;

	private final WebhookSigner signer;

	private final WebhookTargets targets;

	private final WebhookProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient client;

	WebhookRelay(WebhookOutbox tasks, WebhookSigner signer, WebhookTargets targets, WebhookProperties properties,
			JsonMapper json, Clock clock) {
		this.tasks = tasks;
		this.signer = signer;
		this.targets = targets;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${hopper.webhooks.interval:2s}")
	void deliverDue() {
		try {
			for (int i = 0; i < BATCH; i++) {
				Instant now = this.clock.instant();
				Optional<Task> due = this.tasks.claimDueWebhook(now, now.plus(this.properties.timeout().multipliedBy(3)),
						this.properties.maxAttempts());
				if (due.isEmpty()) {
					return;
				}
				deliver(due.get());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Webhook pass failed; the next pass retries: {}", ex.getMessage());
		}
	}

	private void deliver(Task task) {
		Webhook webhook = task.webhook();
		if (webhook == null) {
			return;
		}
		URI uri = URI.create(webhook.url());
		String failure;
		if (!this.targets.mayCall(uri)) {
			failure = "the endpoint resolves to a private address";
		}
		else {
			failure = post(task, uri);
		}
		if (failure == null) {
			this.tasks.webhookDelivered(task.id(), this.clock.instant());
			return;
		}
		long backoffSeconds = Math.min(3600, 2L << Math.min(20, Math.max(0, webhook.attempts() - 1)));
		this.tasks.webhookFailed(task.id(), failure, this.clock.instant().plusSeconds(backoffSeconds));
		logger.info("Webhook of task {} failed (attempt {}): {}", task.id(), webhook.attempts(), failure);
	}

	/** Null when the endpoint took it, else why not. */
	private String post(Task task, URI uri) {
		String body = this.json.writeValueAsString(TaskView.of(task, this.clock.instant(), null));
		long now = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("Hopper-Event", "task.finished")
			.header("Hopper-Delivery", task.id() + "." + task.webhook().attempts())
			.header("Hopper-Signature", this.signer.signature(task.tenantId(), now, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() / 100 == 2) ? null : "the endpoint answered " + response.statusCode();
		}
		catch (java.io.IOException ex) {
			return "could not reach the endpoint: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}

package dev.hopper.api.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.hopper.api.status.TaskView;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.WebhookOutbox;
import dev.hopper.core.task.Webhook;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
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

	WebhookRelay(WebhookOutbox tasks, WebhookSigner signer, WebhookTargets targets, WebhookProperties properties,
			JsonMapper json, Clock clock) {
		this.tasks = tasks;
		this.signer = signer;
		this.targets = targets;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
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
		try {
			failure = post(task, uri, this.targets.addresses(uri));
		}
		catch (WebhookTargets.Refused refused) {
			this.tasks.webhookRefused(task.id(), refused.getMessage(), this.clock.instant());
			logger.info("Webhook of task {} refused for good: {}", task.id(), refused.getMessage());
			return;
		}
		if (failure == null) {
			this.tasks.webhookDelivered(task.id(), this.clock.instant());
			return;
		}
		long backoffSeconds = Math.min(3600, 2L << Math.min(20, Math.max(0, webhook.attempts() - 1)));
		this.tasks.webhookFailed(task.id(), failure, this.clock.instant().plusSeconds(backoffSeconds));
		logger.info("Webhook of task {} failed (attempt {}): {}", task.id(), webhook.attempts(), failure);
	}

	/** Null when the endpoint took it, else why not. It connects only to {@code addresses}, those just checked. */
	private @Nullable String post(Task task, URI uri, InetAddress[] addresses) {
		String body = this.json.writeValueAsString(TaskView.of(task, this.clock.instant(), null));
		long now = this.clock.instant().getEpochSecond();
		HttpPost request = new HttpPost(uri);
		request.setHeader("Hopper-Event", "task.finished");
		request.setHeader("Hopper-Delivery", task.id() + "." + task.webhook().attempts());
		request.setHeader("Hopper-Signature", this.signer.signature(task.tenantId(), now, body));
		request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		try (CloseableHttpClient client = pinnedTo(uri.getHost(), addresses)) {
			int status = client.execute(request, HttpResponse::getCode);
			return (status / 100 == 2) ? null : "the endpoint answered " + status;
		}
		catch (IOException ex) {
			return "could not reach the endpoint: " + ex.getMessage();
		}
	}

	/** A client that resolves {@code host} to {@code addresses} and refuses every other name. */
	private CloseableHttpClient pinnedTo(String host, InetAddress[] addresses) {
		DnsResolver pinned = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String name) throws UnknownHostException {
				if (!name.equalsIgnoreCase(host) && !("[" + name + "]").equalsIgnoreCase(host)) {
					throw new UnknownHostException(name + " is not the checked webhook host");
				}
				return addresses.clone();
			}

			@Override
			public String resolveCanonicalHostname(String name) {
				return name;
			}

		};
		Timeout timeout = Timeout.of(this.properties.timeout());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(pinned)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.build();
	}

}

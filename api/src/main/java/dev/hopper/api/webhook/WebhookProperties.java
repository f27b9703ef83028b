package dev.hopper.api.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings.
 *
 * @param signingKey the server secret each tenant's signing secret is derived from; unset,
 * webhooks are off
 * @param maxAttempts deliveries tried before giving up
 * @param interval how often due deliveries are looked for
 * @param timeout how long one delivery may take
 * @param allowPrivateAddresses whether endpoints on loopback and private networks are allowed
 * (off by default: a tenant must not make Hopper call into its own network)
 */
@ConfigurationProperties("hopper.webhooks")
public record WebhookProperties(@Nullable String signingKey, int maxAttempts, Duration interval, Duration timeout,
		boolean allowPrivateAddresses) {

	public WebhookProperties {
		signingKey = (signingKey == null || signingKey.isBlank()) ? null : signingKey;
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 10;
		interval = (interval != null) ? interval : Duration.ofSeconds(2);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
	}

}

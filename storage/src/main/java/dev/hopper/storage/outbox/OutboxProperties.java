package dev.hopper.storage.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings.
 *
 * @param delay how long a task may stay unpublished before the relay publishes it
 * @param interval how often the relay looks for unpublished tasks and tasks due to retry
 */
@ConfigurationProperties("hopper.outbox")
public record OutboxProperties(Duration delay, Duration interval) {

	public OutboxProperties {
		delay = (delay != null) ? delay : Duration.ofSeconds(10);
		interval = (interval != null) ? interval : Duration.ofSeconds(5);
	}

}

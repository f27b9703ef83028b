package dev.hopper.storage.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis settings.
 *
 * @param address server address, {@code redis://host:port}
 * @param password password, if the server needs one
 * @param timeout how long one command may take
 */
@ConfigurationProperties("hopper.redis")
public record RedisProperties(String address, String password, Duration timeout) {

	public RedisProperties {
		address = (address != null) ? address : "redis://127.0.0.1:6379";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(3);
	}

}

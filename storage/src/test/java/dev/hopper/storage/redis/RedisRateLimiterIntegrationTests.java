package dev.hopper.storage.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.hopper.core.admission.RateLimiter;
import dev.hopper.storage.embedded.EmbeddedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding window on a real redis-server: what it grants, and when a refusal says to come back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimiterIntegrationTests {

	private static final Duration WINDOW = Duration.ofSeconds(2);

	private EmbeddedRedis redis;

	private RedissonClient client;

	private RedisRateLimiter limiter;

	@BeforeAll
	void start(@TempDir Path folder) throws Exception {
		this.redis = new EmbeddedRedis(folder);
		this.redis.start();
		Config config = new Config();
		config.useSingleServer().setAddress(this.redis.address());
		this.client = Redisson.create(config);
		this.limiter = new RedisRateLimiter(this.client);
	}

	@AfterAll
	void stop() {
		if (this.client != null) {
			this.client.shutdown();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void aFullWindowRefusesUntilItsOldestAcquisitionLeavesIt() throws Exception {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire(key, 1, 3, WINDOW).granted()).isTrue();
		}

		RateLimiter.Verdict refused = this.limiter.acquire(key, 1, 3, WINDOW);

		assertThat(refused.granted()).isFalse();
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
		Thread.sleep(refused.retryAfter().toMillis() + 50);
		assertThat(this.limiter.acquire(key, 1, 3, WINDOW).granted()).as("granted once the oldest has left").isTrue();
	}

	@Test
	void anAmountIsTakenWholeOrNotAtAll() {
		String key = UUID.randomUUID().toString();
		assertThat(this.limiter.acquire(key, 70, 100, Duration.ofMinutes(1)).granted()).isTrue();

		RateLimiter.Verdict tooMuch = this.limiter.acquire(key, 40, 100, Duration.ofMinutes(1));

		assertThat(tooMuch.granted()).isFalse();
		assertThat(tooMuch.retryAfter()).isGreaterThan(Duration.ofSeconds(50));
		assertThat(this.limiter.acquire(key, 30, 100, Duration.ofMinutes(1)).granted()).as("nothing was taken").isTrue();
		assertThat(this.limiter.tryAcquire(key + ":other", 1, Duration.ofMinutes(1))).isTrue();
	}

}

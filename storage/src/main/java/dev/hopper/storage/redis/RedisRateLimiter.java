package dev.hopper.storage.redis;

import java.time.Duration;

import dev.hopper.core.admission.RateLimiter;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

/**
 * {@link RateLimiter} on Redisson's rate limiter, one per key and rate: a changed rate gets
 * a limiter of its own rather than inheriting the old one's state.
 */
class RedisRateLimiter implements RateLimiter {

	private static final String PREFIX = "hopper:rate:";

	private final RedissonClient redisson;

	RedisRateLimiter(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	public boolean tryAcquire(String key, long amount, long permits, Duration interval) {
		RRateLimiter limiter = this.redisson.getRateLimiter(PREFIX + key + ":" + permits + "/" + interval.toMillis());
		limiter.trySetRate(RateType.OVERALL, permits, interval, interval.multipliedBy(2));
		return limiter.tryAcquire(Math.min(amount, permits));
	}

}

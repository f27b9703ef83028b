package dev.hopper.core.admission;

import java.time.Duration;

/** Port for rate limits counted across all replicas. */
public interface RateLimiter {

	/**
	 * Takes one permit from {@code key}'s allowance of {@code permits} per {@code interval};
	 * false when it is spent for now.
	 */
	default boolean tryAcquire(String key, long permits, Duration interval) {
		return tryAcquire(key, 1, permits, interval);
	}

	/**
	 * Takes {@code amount} permits at once (at most {@code permits}) from {@code key}'s
	 * allowance of {@code permits} per {@code interval}; false, taking none, when fewer remain.
	 */
	boolean tryAcquire(String key, long amount, long permits, Duration interval);

}

package dev.hopper.core.admission;

import java.time.Duration;

/** Port for rate limits counted across all replicas. */
public interface RateLimiter {

	/**
	 * Takes one permit from {@code key}'s allowance of {@code permits} per {@code interval};
	 * false when it is spent for now.
	 */
	boolean tryAcquire(String key, long permits, Duration interval);

}

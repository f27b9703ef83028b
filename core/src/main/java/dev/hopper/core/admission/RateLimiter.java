package dev.hopper.core.admission;

import java.time.Duration;

/**
 * Port for allowances shared by every process: so many permits per interval per key,
 * over a sliding window. A refusal says when enough permits will have freed.
 */
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
	default boolean tryAcquire(String key, long amount, long permits, Duration interval) {
		return acquire(key, amount, permits, interval).granted();
	}

	/** As {@link #tryAcquire(String, long, long, Duration)}, saying when to ask again if refused. */
	Verdict acquire(String key, long amount, long permits, Duration interval);

	/**
	 * @param granted whether the permits were taken
	 * @param retryAfter when refused: how long until enough permits have freed (zero when granted)
	 */
	record Verdict(boolean granted, Duration retryAfter) {

		public static final Verdict GRANTED = new Verdict(true, Duration.ZERO);

		public static Verdict refused(Duration retryAfter) {
			return new Verdict(false, retryAfter);
		}

	}

}

package dev.hopper.api.admission;

import java.time.Duration;

import dev.hopper.core.admission.RateLimiter;

/**
 * A tenant's intake allowance, counted in files: each upload request takes one, and a
 * batch takes one more for each file after its first, as the files arrive.
 */
public class IntakeQuota {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final RateLimiter limiter;

	private final AdmissionProperties properties;

	IntakeQuota(RateLimiter limiter, AdmissionProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	/** Takes one file's allowance for {@code tenantId}; refused, it says when to try again. */
	public RateLimiter.Verdict take(String tenantId) {
		return this.limiter.acquire("intake:" + tenantId, 1, perMinute(tenantId), MINUTE);
	}

	public long perMinute(String tenantId) {
		return this.properties.intakePerMinute(tenantId);
	}

	/** Whole seconds of a refusal's wait, at least one. */
	public static long seconds(RateLimiter.Verdict verdict) {
		return Math.max(1, (long) Math.ceil(verdict.retryAfter().toMillis() / 1000.0));
	}

}

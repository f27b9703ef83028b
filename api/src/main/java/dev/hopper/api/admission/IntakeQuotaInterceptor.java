package dev.hopper.api.admission;

import java.time.Duration;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.admission.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Each tenant's intake (every POST under {@code /api/v1}) is limited per minute, counted
 * across all api replicas; past it, 429 with {@code Retry-After}, before the body is read.
 * One tenant's burst never takes another's allowance.
 */
class IntakeQuotaInterceptor implements HandlerInterceptor {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final RateLimiter limiter;

	private final AdmissionProperties properties;

	IntakeQuotaInterceptor(RateLimiter limiter, AdmissionProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!"POST".equals(request.getMethod()) || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
			return true;
		}
		Tenant tenant = Tenant.of(request);
		if (tenant == null) {
			return true;
		}
		long perMinute = this.properties.intakePerMinute(tenant.id());
		if (!this.limiter.tryAcquire("intake:" + tenant.id(), perMinute, MINUTE)) {
			long retryAfter = Math.max(1, (long) Math.ceil(60.0 / perMinute));
			throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "quota_exceeded",
					"This tenant may make " + perMinute + " intake requests a minute")
				.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		return true;
	}

}

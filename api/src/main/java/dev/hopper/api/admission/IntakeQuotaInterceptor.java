package dev.hopper.api.admission;


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

	private final IntakeQuota quota;

	IntakeQuotaInterceptor(IntakeQuota quota) {
		this.quota = quota;
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
		long perMinute = this.quota.perMinute(tenant.id());
		RateLimiter.Verdict verdict = this.quota.take(tenant.id());
		if (!verdict.granted()) {
			// when the oldest request leaves the minute's window, not a guess
			long retryAfter = IntakeQuota.seconds(verdict);
			throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "quota_exceeded",
					"This tenant may send " + perMinute + " files a minute; the next is allowed in "
							+ retryAfter + " s")
				.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		return true;
	}

}

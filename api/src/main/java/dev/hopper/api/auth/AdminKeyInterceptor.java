package dev.hopper.api.auth;

import dev.hopper.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The operator endpoints under {@code /admin/v1} need the configured admin key. Without
 * one configured they do not exist (404), so a deployment that never set it exposes nothing.
 */
class AdminKeyInterceptor implements HandlerInterceptor {

	private final AdminKey adminKey;

	AdminKeyInterceptor(AdminKey adminKey) {
		this.adminKey = adminKey;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.adminKey.isSet()) {
			throw ApiProblem.notFound("not_found", "No such endpoint");
		}
		if (!this.adminKey.matches(PresentedKey.of(request))) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_admin_key", "The admin endpoints need the admin key");
		}
		return true;
	}

}

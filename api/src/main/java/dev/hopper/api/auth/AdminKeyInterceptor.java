package dev.hopper.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.tenant.ApiKeySecrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The operator endpoints under {@code /admin/v1} need the configured admin key. Without
 * one configured they do not exist (404), so a deployment that never set it exposes nothing.
 */
class AdminKeyInterceptor implements HandlerInterceptor {

	private final byte @Nullable [] adminKeyHash;

	AdminKeyInterceptor(@Nullable String adminKey) {
		this.adminKeyHash = (adminKey != null) ? hashBytes(adminKey) : null;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (this.adminKeyHash == null) {
			throw ApiProblem.notFound("not_found", "No such endpoint");
		}
		String presented = PresentedKey.of(request);
		// compared in constant time, as hashes of equal length
		if (presented == null || !MessageDigest.isEqual(this.adminKeyHash, hashBytes(presented))) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_admin_key", "The admin endpoints need the admin key");
		}
		return true;
	}

	private static byte[] hashBytes(String key) {
		return ApiKeySecrets.hash(key).getBytes(StandardCharsets.US_ASCII);
	}

}

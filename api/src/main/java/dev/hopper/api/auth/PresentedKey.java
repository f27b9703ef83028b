package dev.hopper.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/** Where a request carries its key: {@code X-API-Key}, or {@code Authorization: Bearer}. */
final class PresentedKey {

	static final String HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private PresentedKey() {
	}

	static @Nullable String of(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if (key == null) {
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				key = authorization.substring(BEARER.length());
			}
		}
		return (key == null || key.isBlank()) ? null : key.strip();
	}

}

package dev.hopper.api.auth;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every {@code /api/v1} request must present a valid API key; the key's tenant is then
 * the request's {@link Tenant}. Runs before the handler, so an upload without a key is
 * refused before its body is read.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

	private final RecentKeys keys;

	ApiKeyInterceptor(RecentKeys keys) {
		this.keys = keys;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (Tenant.of(request) != null) {
			// the async dispatch of a long poll or event stream: its key was checked when it began
			return true;
		}
		String presented = PresentedKey.of(request);
		if (presented == null) {
			throw unauthorized("missing_api_key", "Send an API key in the " + PresentedKey.HEADER
					+ " header (or as Authorization: Bearer)");
		}
		ApiKey key = this.keys.findByHash(ApiKeySecrets.hash(presented))
			.orElseThrow(() -> unauthorized("invalid_api_key", "The API key is not valid"));
		if (key.isRevoked()) {
			throw unauthorized("revoked_api_key", "The API key " + key.id() + " was revoked");
		}
		request.setAttribute(Tenant.ATTRIBUTE, new Tenant(key.tenantId()));
		return true;
	}

	private static ApiProblem unauthorized(String code, String detail) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, code, detail).withHeader(HttpHeaders.WWW_AUTHENTICATE,
				"ApiKey header=\"" + PresentedKey.HEADER + "\"");
	}

}

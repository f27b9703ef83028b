package dev.hopper.api.console;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every console page but the sign-in needs a signed-in session (else: to the sign-in page),
 * and every form it posts must carry the session's CSRF token (else: 403).
 */
class ConsoleGuard implements HandlerInterceptor {

	static final String CSRF_FIELD = "_csrf";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		ConsoleSession session = ConsoleSession.of(request);
		if (session == null) {
			response.sendRedirect("/console/sign-in");
			return false;
		}
		if ("POST".equals(request.getMethod()) && !sameToken(session.csrfToken(), request.getParameter(CSRF_FIELD))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is stale or came from elsewhere");
			return false;
		}
		return true;
	}

	private static boolean sameToken(String expected, String presented) {
		return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
	}

}

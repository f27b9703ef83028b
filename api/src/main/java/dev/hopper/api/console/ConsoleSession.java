package dev.hopper.api.console;

import java.security.SecureRandom;
import java.util.Base64;

import dev.hopper.api.auth.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Who signed in to the console: a tenant (by one of its API keys) or the operator (by the
 * admin key). The key itself is never kept, only what it proved; a CSRF token guards every
 * form the session posts.
 *
 * @param tenantId the tenant whose work this session sees; {@code null} for the operator
 * @param csrfToken the token every form of this session carries
 */
public record ConsoleSession(@Nullable String tenantId, String csrfToken) {

	private static final String ATTRIBUTE = ConsoleSession.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	public boolean isOperator() {
		return this.tenantId == null;
	}

	/** The tenant to scope reads to; the operator reads across tenants. */
	@Nullable Tenant tenant() {
		return (this.tenantId != null) ? new Tenant(this.tenantId) : null;
	}

	/** Who this session is, as the pages say it. */
	public String who() {
		return isOperator() ? "operator" : "tenant " + this.tenantId;
	}

	static @Nullable ConsoleSession of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? of(session) : null;
	}

	/** Who is signed in on {@code session}; null once it was signed out or expired. */
	static @Nullable ConsoleSession of(HttpSession session) {
		try {
			return (session.getAttribute(ATTRIBUTE) instanceof ConsoleSession signedIn) ? signedIn : null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/** Signs in on a new session id, so an id planted before sign-in is worth nothing. */
	static ConsoleSession start(HttpServletRequest request, @Nullable String tenantId) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		byte[] token = new byte[24];
		RANDOM.nextBytes(token);
		ConsoleSession signedIn = new ConsoleSession(tenantId, Base64.getUrlEncoder().withoutPadding()
			.encodeToString(token));
		request.getSession(true).setAttribute(ATTRIBUTE, signedIn);
		return signedIn;
	}

	static void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}

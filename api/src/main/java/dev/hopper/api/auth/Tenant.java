package dev.hopper.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The tenant a request acts for, as its API key says. Controllers take it as a parameter;
 * anything owned by another tenant is answered as not found.
 *
 * @param id the tenant's id
 */
public record Tenant(String id) {

	static final String ATTRIBUTE = Tenant.class.getName();

	/** The tenant {@link ApiKeyInterceptor} established for {@code request}, if it ran. */
	public static @Nullable Tenant of(HttpServletRequest request) {
		return (Tenant) request.getAttribute(ATTRIBUTE);
	}

	public boolean owns(String tenantId) {
		return this.id.equals(tenantId);
	}

}

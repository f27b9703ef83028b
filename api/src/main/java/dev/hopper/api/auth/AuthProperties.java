package dev.hopper.api.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings.
 *
 * @param developmentKey an API key registered at start for {@code developmentTenant}
 * (standalone mode makes one); unset in production, where operators issue keys
 * @param developmentTenant the tenant of the development key
 * @param adminKey the key for the operator endpoints under {@code /admin/v1}; unset
 * disables them
 */
@ConfigurationProperties("hopper.auth")
public record AuthProperties(@Nullable String developmentKey, String developmentTenant, @Nullable String adminKey) {

	public AuthProperties {
		developmentTenant = (developmentTenant != null) ? developmentTenant : "development";
		developmentKey = blankToNull(developmentKey);
		adminKey = blankToNull(adminKey);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

package dev.hopper.core.tenant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored API key: never the key itself, only its hash.
 *
 * @param id public handle for operators (listing, revoking); not a secret
 * @param hash SHA-256 of the key, hex
 * @param tenantId the tenant the key acts for
 * @param name what the operator called it
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 */
public record ApiKey(String id, String hash, String tenantId, String name, Instant createdAt,
		@Nullable Instant revokedAt) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	/** A new, valid key record for {@code secret}. */
	public static ApiKey issue(String secret, String tenantId, String name, Instant now) {
		String hash = ApiKeySecrets.hash(secret);
		return new ApiKey(ApiKeySecrets.idOf(hash), hash, Tenants.checkId(tenantId), name, now, null);
	}

}

package dev.hopper.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port for API keys, looked up by the hash of the key a request presents. */
public interface ApiKeyStore {

	/** Stores {@code key}; does nothing if a key with the same hash exists. */
	void insertIfAbsent(ApiKey key);

	Optional<ApiKey> findByHash(String hash);

	List<ApiKey> findByTenant(String tenantId);

	/** Revokes the key with public id {@code id}; false if there is none or it was revoked already. */
	boolean revoke(String id, Instant when);

}

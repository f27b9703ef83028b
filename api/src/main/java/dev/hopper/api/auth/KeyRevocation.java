package dev.hopper.api.auth;

import dev.hopper.core.tenant.ApiKeySecrets;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the key a long-lived request began with still stands: an event stream outlives
 * the check made when it opened, and must end when its key is revoked.
 */
public class KeyRevocation {

	private final RecentKeys keys;

	/** Reads through the api's recent keys: a thousand streams on one key cost one lookup a second. */
	KeyRevocation(RecentKeys keys) {
		this.keys = keys;
	}

	/** The hash of the key {@code request} presented (and the API key interceptor accepted). */
	public static String presentedHash(HttpServletRequest request) {
		String presented = PresentedKey.of(request);
		return ApiKeySecrets.hash((presented != null) ? presented : "");
	}

	/** True once the key is revoked or gone. */
	public boolean isRevoked(String keyHash) {
		return this.keys.findByHash(keyHash).map((key) -> key.isRevoked()).orElse(true);
	}

}

package dev.hopper.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.hopper.core.tenant.ApiKeySecrets;
import org.jspecify.annotations.Nullable;

/** The deployment's admin key, kept only as its hash, and the one check of a presented key against it. */
public final class AdminKey {

	private final byte @Nullable [] hash;

	AdminKey(@Nullable String adminKey) {
		this.hash = (adminKey != null) ? hashBytes(adminKey) : null;
	}

	/** Whether there is an admin key at all: without one, the admin's endpoints are not there. */
	public boolean isSet() {
		return this.hash != null;
	}

	/** Compared in constant time, as hashes of equal length. */
	public boolean matches(@Nullable String presented) {
		return this.hash != null && presented != null && MessageDigest.isEqual(this.hash, hashBytes(presented));
	}

	private static byte[] hashBytes(String key) {
		return ApiKeySecrets.hash(key).getBytes(StandardCharsets.US_ASCII);
	}

}

package dev.hopper.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing API keys. A key carries 256 random bits, so a plain SHA-256 is a safe
 * way to store it (a slow password hash protects guessable secrets, which keys are not),
 * and lookups by hash stay one index read.
 */
public final class ApiKeySecrets {

	private static final String PREFIX = "hop_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeySecrets() {
	}

	/** A new random key, shown once to whoever asked for it. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/** The public id of the key with {@code hash}: a prefix of the hash, useless for guessing the key. */
	static String idOf(String hash) {
		return "key_" + hash.substring(0, 16);
	}

}

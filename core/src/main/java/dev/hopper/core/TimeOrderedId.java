package dev.hopper.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The one id scheme: UUID version 7 (RFC 9562), so ids sort by creation time and index
 * well, yet cannot be guessed.
 */
public final class TimeOrderedId {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedId() {
	}

	public static String next(Clock clock) {
		long millis = clock.millis();
		long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	/** Whether {@code candidate} has the shape of an id this scheme makes. */
	public static boolean isWellFormed(String candidate) {
		if (candidate.length() != 36) {
			return false;
		}
		try {
			return UUID.fromString(candidate).version() == 7;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}

package dev.hopper.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The one id scheme: UUID version 7 (RFC 9562), so ids sort by creation time and index
 * well, yet cannot be guessed. Within one process ids strictly increase: inside a
 * millisecond the 12 bits after the version count up from a random start (RFC 9562's
 * method 3), so "accepted before" is "smaller id" even for tasks of the same millisecond.
 */
public final class TimeOrderedId {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static long lastMillis = -1;

	private static int counter;

	private TimeOrderedId() {
	}

	public static synchronized String next(Clock clock) {
		long millis = clock.millis();
		// a clock set back by more than a second is taken as it is: ids carry their time
		if (millis > lastMillis || millis < lastMillis - 1000) {
			lastMillis = millis;
			// start in the lower half, leaving room to count
			counter = RANDOM.nextInt(0x800);
		}
		else if (++counter > 0xFFF) {
			// 4096 ids in one millisecond (or a clock that stepped back a little): borrow the next one
			lastMillis++;
			counter = 0;
		}
		long high = (lastMillis << 16) | 0x7000L | counter;
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	/**
	 * The smallest id this scheme gives at {@code instant}: every id made at or after it is
	 * not smaller, every id made before it is smaller, so a time range is an id range.
	 */
	public static String floor(Instant instant) {
		return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L).toString();
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

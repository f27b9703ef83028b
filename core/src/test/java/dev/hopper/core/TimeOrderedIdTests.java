package dev.hopper.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdTests {

	@Test
	void idsAreVersion7AndCarryTheirCreationTime() {
		Instant at = Instant.parse("2026-11-22T10:15:30.123Z");
		String id = TimeOrderedId.next(Clock.fixed(at, ZoneOffset.UTC));

		UUID uuid = UUID.fromString(id);
		assertThat(uuid.version()).isEqualTo(7);
		assertThat(uuid.variant()).isEqualTo(2);
		assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		assertThat(TimeOrderedId.isWellFormed(id)).isTrue();
	}

	@Test
	void laterIdsSortAfterEarlierOnes() {
		String earlier = TimeOrderedId.next(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
		String later = TimeOrderedId.next(Clock.fixed(Instant.ofEpochMilli(2_000), ZoneOffset.UTC));
		assertThat(later).isGreaterThan(earlier);
	}

	@Test
	void idsOfTheSameMillisecondStillStrictlyIncrease() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
		String previous = TimeOrderedId.next(clock);
		for (int i = 0; i < 10_000; i++) {
			String next = TimeOrderedId.next(clock);
			assertThat(next).isGreaterThan(previous);
			previous = next;
		}
	}

	@Test
	void idsDoNotRepeat() {
		Set<String> ids = new HashSet<>();
		Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
		for (int i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedId.next(clock));
		}
		assertThat(ids).hasSize(10_000);
	}

	@Test
	void rejectsStrangersAsIds() {
		assertThat(TimeOrderedId.isWellFormed("../../etc/passwd")).isFalse();
		assertThat(TimeOrderedId.isWellFormed(UUID.randomUUID().toString())).isFalse();
		assertThat(TimeOrderedId.isWellFormed("")).isFalse();
	}

}

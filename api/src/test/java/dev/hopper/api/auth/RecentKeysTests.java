package dev.hopper.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import dev.hopper.core.tenant.ApiKeyStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A second's memory of key lookups: fewer store reads, and a revocation is never missed for longer. */
class RecentKeysTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T12:00:00Z"));

	private final ApiKeyStore store = mock(ApiKeyStore.class);

	private final RecentKeys keys = new RecentKeys(this.store, this.clock);

	private final ApiKey key = ApiKey.issue("hop_secret", "tenant-a", "test", this.clock.instant());

	@Test
	void aKeyLookedUpWithinTheSecondIsNotReadAgainAndIsReadAgainAfterIt() {
		String hash = ApiKeySecrets.hash("hop_secret");
		given(this.store.findByHash(hash)).willReturn(Optional.of(this.key));

		this.keys.findByHash(hash);
		this.clock.advance(Duration.ofMillis(900));
		assertThat(this.keys.findByHash(hash)).contains(this.key);
		verify(this.store, times(1)).findByHash(hash);

		this.clock.advance(Duration.ofMillis(200));
		this.keys.findByHash(hash);
		verify(this.store, times(2)).findByHash(hash);
	}

	@Test
	void aRevocationHereIsSeenAtOnce() {
		String hash = ApiKeySecrets.hash("hop_secret");
		given(this.store.findByHash(hash)).willReturn(Optional.of(this.key));
		this.keys.findByHash(hash);
		ApiKey revoked = new ApiKey(this.key.id(), this.key.hash(), this.key.tenantId(), this.key.name(),
				this.key.createdAt(), this.clock.instant());
		given(this.store.findByHash(hash)).willReturn(Optional.of(revoked));

		this.keys.forgetAll();

		assertThat(this.keys.findByHash(hash)).get().extracting(ApiKey::isRevoked).isEqualTo(true);
	}

	@Test
	void unknownKeysAreRememberedBrieflyToo() {
		given(this.store.findByHash(anyString())).willReturn(Optional.empty());

		this.keys.findByHash("guess");
		this.keys.findByHash("guess");

		verify(this.store, times(1)).findByHash("guess");
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

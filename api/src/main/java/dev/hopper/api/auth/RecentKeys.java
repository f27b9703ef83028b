package dev.hopper.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeyStore;

/**
 * The API keys this replica looked up in the last second, so a client polling its tasks
 * does not cost a store lookup per request. A revocation made here clears them at once; one
 * made on another replica is seen here within {@link #FRESH} (the answers for unknown keys
 * are kept as briefly, which also spares the store a flood of guesses).
 */
class RecentKeys {

	static final Duration FRESH = Duration.ofSeconds(1);

	/** Past this many, the cache starts again (a flood of random keys cannot grow it). */
	private static final int MAX_ENTRIES = 10_000;

	private final ApiKeyStore keys;

	private final Clock clock;

	private final Map<String, Looked> looked = new ConcurrentHashMap<>();

	RecentKeys(ApiKeyStore keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	Optional<ApiKey> findByHash(String hash) {
		Instant now = this.clock.instant();
		Looked recent = this.looked.get(hash);
		if (recent != null && recent.at().plus(FRESH).isAfter(now)) {
			return recent.key();
		}
		Optional<ApiKey> found = this.keys.findByHash(hash);
		if (this.looked.size() >= MAX_ENTRIES) {
			this.looked.clear();
		}
		this.looked.put(hash, new Looked(found, now));
		return found;
	}

	/** A key was revoked here: nothing looked up before is trusted. */
	void forgetAll() {
		this.looked.clear();
	}

	private record Looked(Optional<ApiKey> key, Instant at) {
	}

}

package dev.hopper.api.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.hopper.api.problem.ApiProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The requests a replica holds open while they wait for news (long polls, event streams,
 * the console's live lists): at most so many per tenant and so many in all, so no tenant
 * can take the connections every other tenant needs. Past either cap the answer is 429
 * with a {@code Retry-After} of when the earliest held wait ends, which is when a place
 * frees at the latest.
 */
public class ConnectionBudget {

	private final int perTenant;

	private final int perReplica;

	private final Clock clock;

	/** Per tenant, then for everyone ({@link #ALL}): each held wait's deadline. */
	private final Map<String, TreeMap<Instant, Integer>> held = new HashMap<>();

	private static final String ALL = "";

	public ConnectionBudget(int perTenant, int perReplica, Clock clock) {
		this.perTenant = perTenant;
		this.perReplica = perReplica;
		this.clock = clock;
	}

	/**
	 * A place for a wait of {@code tenantId} that ends by {@code longest} at the latest.
	 *
	 * @return what gives the place back; running it more than once gives it back once
	 * @throws ApiProblem 429 {@code too_many_waits} past a cap
	 */
	public synchronized Runnable hold(String tenantId, Duration longest) {
		Instant now = this.clock.instant();
		refuseWhenFull(tenantId, this.perTenant, now, "this tenant's");
		refuseWhenFull(ALL, this.perReplica, now, "this server's");
		Instant deadline = now.plus(longest);
		add(tenantId, deadline, 1);
		add(ALL, deadline, 1);
		boolean[] released = { false };
		return () -> {
			synchronized (this) {
				if (!released[0]) {
					released[0] = true;
					add(tenantId, deadline, -1);
					add(ALL, deadline, -1);
				}
			}
		};
	}

	/** Waits held now by {@code tenantId}. */
	public synchronized int heldBy(String tenantId) {
		return count(tenantId);
	}

	private void refuseWhenFull(String key, int cap, Instant now, String whose) {
		if (count(key) < cap) {
			return;
		}
		Instant earliest = this.held.get(key).firstKey();
		long seconds = Math.max(1, (long) Math.ceil(Duration.between(now, earliest).toMillis() / 1000.0));
		throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_waits",
				"All " + cap + " of " + whose + " open waits (long polls and event streams) are in use; one ends in about "
						+ seconds + " s")
			.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	private int count(String key) {
		TreeMap<Instant, Integer> deadlines = this.held.get(key);
		return (deadlines == null) ? 0 : deadlines.values().stream().mapToInt(Integer::intValue).sum();
	}

	private void add(String key, Instant deadline, int change) {
		TreeMap<Instant, Integer> deadlines = this.held.computeIfAbsent(key, (k) -> new TreeMap<>());
		int now = deadlines.getOrDefault(deadline, 0) + change;
		if (now > 0) {
			deadlines.put(deadline, now);
		}
		else {
			deadlines.remove(deadline);
		}
		if (deadlines.isEmpty()) {
			this.held.remove(key);
		}
	}

}

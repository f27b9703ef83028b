package dev.hopper.storage.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.hopper.core.admission.RateLimiter;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@link RateLimiter} on Redis: a sliding window of the acquisitions themselves (a sorted
 * set by time, each member carrying its amount), checked and taken in one script on Redis's
 * own clock, so every replica shares it and a refusal can say exactly when the oldest
 * acquisitions leave the window and enough permits free.
 */
class RedisRateLimiter implements RateLimiter {

	private static final String PREFIX = "hopper:rate:";

	/** Returns 0 when taken, else the milliseconds until enough permits free. */
	private static final String SCRIPT = """
			local key, window, permits, amount, nonce = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
			local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
			local used = 0
			for i = 1, #entries, 2 do
			  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
			end
			if used + amount <= permits then
			  redis.call('ZADD', key, now, nonce .. ':' .. amount)
			  redis.call('PEXPIRE', key, window)
			  return 0
			end
			local freed = 0
			for i = 1, #entries, 2 do
			  freed = freed + tonumber(string.match(entries[i], ':(%d+)$'))
			  if used - freed + amount <= permits then
			    return math.max(1, tonumber(entries[i + 1]) + window - now)
			  end
			end
			return window
			""";

	private final RedissonClient redisson;

	RedisRateLimiter(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	public Verdict acquire(String key, long amount, long permits, Duration interval) {
		long take = Math.max(1, Math.min(amount, permits));
		Long wait = this.redisson.getScript(StringCodec.INSTANCE)
			.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LONG,
					List.<Object>of(PREFIX + key + ":" + permits + "/" + interval.toMillis()), interval.toMillis(),
					permits, take, UUID.randomUUID().toString());
		return (wait == null || wait == 0) ? Verdict.GRANTED : Verdict.refused(Duration.ofMillis(wait));
	}

}

package dev.hopper.storage.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.lease.LeaseRegistry;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@link LeaseRegistry} on Redis: a lease is a key holding its owner, with a TTL. Renew and
 * release are scripts, so a worker never extends or drops a lease another worker took over.
 */
class RedisLeaseRegistry implements LeaseRegistry {


	private static final String RENEW = """
			if redis.call('get', KEYS[1]) == ARGV[1] then
			  return redis.call('pexpire', KEYS[1], ARGV[2])
			end
			return 0""";

	private static final String RELEASE = """
			if redis.call('get', KEYS[1]) == ARGV[1] then
			  return redis.call('del', KEYS[1])
			end
			return 0""";

	private final RedissonClient redisson;

	/** Keys of this deployment's leases: deployments sharing a Redis never meet each other's. */
	private final String prefix;

	RedisLeaseRegistry(RedissonClient redisson, String namespace) {
		this.redisson = redisson;
		this.prefix = "hopper:" + namespace + ":lease:";
	}

	@Override
	public boolean acquire(String taskId, String owner, Duration ttl) {
		return this.redisson.<String>getBucket(this.prefix + taskId, StringCodec.INSTANCE).setIfAbsent(owner, ttl);
	}

	@Override
	public boolean renew(String taskId, String owner, Duration ttl) {
		return run(RENEW, taskId, owner, String.valueOf(ttl.toMillis())) == 1L;
	}

	@Override
	public void release(String taskId, String owner) {
		run(RELEASE, taskId, owner);
	}

	@Override
	public Optional<String> holder(String taskId) {
		return Optional.ofNullable(this.redisson.<String>getBucket(this.prefix + taskId, StringCodec.INSTANCE).get());
	}

	private Long run(String script, String taskId, Object... args) {
		return this.redisson.getScript(StringCodec.INSTANCE)
			.eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LONG, List.of(this.prefix + taskId), args);
	}

}

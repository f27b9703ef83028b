package dev.hopper.storage.redis;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when Redis answers a read. */
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final RedissonClient redisson;

	RedisHealthIndicator(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.redisson.getBucket("hopper:health", StringCodec.INSTANCE).isExists();
		builder.up();
	}

}

package dev.hopper.storage.redis;

import dev.hopper.core.admission.RateLimiter;
import dev.hopper.core.lease.LeaseRegistry;
import dev.hopper.core.task.TaskChangeFeed;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.storage.amqp.AmqpProperties;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redisson client, leases, rate limits, the task change feed, the worker registry and the Redis health check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedissonClient redissonClient(RedisProperties properties) {
		Config config = new Config();
		config.useSingleServer()
			.setAddress(properties.address())
			.setPassword(properties.password())
			.setTimeout((int) properties.timeout().toMillis())
			.setConnectionMinimumIdleSize(2)
			.setConnectionPoolSize(16);
		return Redisson.create(config);
	}

	/** Leases per namespace: the sweeper's and the purge's are one per deployment, not per Redis. */
	@Bean
	LeaseRegistry leaseRegistry(RedissonClient redisson, AmqpProperties amqp) {
		return new RedisLeaseRegistry(redisson, amqp.namespace());
	}

	@Bean
	RateLimiter rateLimiter(RedissonClient redisson) {
		return new RedisRateLimiter(redisson);
	}

	@Bean
	TaskChangeFeed taskChangeFeed(RedissonClient redisson) {
		return new RedisTaskChangeFeed(redisson, "hopper:task-changes");
	}

	/** One registry per namespace, as deployments sharing a Redis each see their own workers. */
	@Bean
	WorkerRegistry workerRegistry(RedissonClient redisson, AmqpProperties amqp) {
		return new RedisWorkerRegistry(redisson, amqp.namespace());
	}

	@Bean
	RedisHealthIndicator redisHealthIndicator(RedissonClient redisson) {
		return new RedisHealthIndicator(redisson);
	}

}

package dev.hopper.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hopper.core.task.JobType;
import dev.hopper.core.task.RetentionScope;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long finished tasks are kept: their record, result, uploaded file and overlay, job
 * metadata and idempotency keys. A tenant's own rule wins over its type's, a type's over the
 * default; a time to live of 0 keeps them for ever.
 *
 * @param finishedTtl how long a finished task is kept after it finished
 * @param types a time to live per job type (wire name), for every tenant without its own
 * @param tenants a time to live per tenant, for all its tasks
 * @param expiredKeep how long an expired task still answers 410 {@code task_expired} (then 404)
 * @param interval how often the purge runs (on one worker at a time)
 * @param pageSize tasks read and purged per page
 */
@ConfigurationProperties("hopper.retention")
public record RetentionProperties(Duration finishedTtl, Map<String, Duration> types, Map<String, Duration> tenants,
		Duration expiredKeep, Duration interval, int pageSize) {

	public RetentionProperties {
		finishedTtl = (finishedTtl != null) ? finishedTtl : Duration.ofDays(30);
		types = (types != null) ? Map.copyOf(types) : Map.of();
		tenants = (tenants != null) ? Map.copyOf(tenants) : Map.of();
		expiredKeep = (expiredKeep != null) ? expiredKeep : Duration.ofDays(90);
		interval = (interval != null) ? interval : Duration.ofMinutes(10);
		pageSize = (pageSize > 0) ? pageSize : 500;
	}

	/** Every scope with its time to live; together they cover each task exactly once. */
	List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		this.tenants.forEach((tenant, ttl) -> rules.add(new Rule(RetentionScope.tenant(tenant), ttl)));
		Set<String> ownRule = this.tenants.keySet();
		this.types.forEach((type, ttl) -> rules.add(new Rule(RetentionScope.type(JobType.of(type), ownRule), ttl)));
		Set<JobType> typed = Set.copyOf(this.types.keySet().stream().map(JobType::of).toList());
		rules.add(new Rule(RetentionScope.rest(ownRule, typed), this.finishedTtl));
		return rules;
	}

	/** A scope and how long its finished tasks are kept (zero: for ever). */
	record Rule(RetentionScope scope, Duration ttl) {

		boolean keepsForever() {
			return this.ttl.isZero() || this.ttl.isNegative();
		}

	}

}

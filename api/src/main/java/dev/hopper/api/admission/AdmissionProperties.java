package dev.hopper.api.admission;

import java.time.Duration;
import java.util.Map;

import dev.hopper.core.task.JobType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission settings.
 *
 * @param intakePerMinute intake requests (uploads, batches, analysis requests, redrives)
 * each tenant may make per minute
 * @param tenantIntakePerMinute the same, for named tenants
 * @param maxBacklog per job type: waiting messages beyond which intake answers 503
 * @param depthCacheTtl how long a read queue depth is trusted
 * @param maxWaitsPerTenant long polls and event streams one tenant may hold open on a replica
 * @param maxWaits the same, for all tenants together
 */
@ConfigurationProperties("hopper.admission")
public record AdmissionProperties(long intakePerMinute, Map<String, Long> tenantIntakePerMinute,
		Map<JobType, Long> maxBacklog, Duration depthCacheTtl, int maxWaitsPerTenant, int maxWaits) {

	public AdmissionProperties {
		maxWaitsPerTenant = (maxWaitsPerTenant > 0) ? maxWaitsPerTenant : 100;
		maxWaits = (maxWaits > 0) ? maxWaits : 2_000;
		intakePerMinute = (intakePerMinute > 0) ? intakePerMinute : 600;
		tenantIntakePerMinute = (tenantIntakePerMinute != null) ? Map.copyOf(tenantIntakePerMinute) : Map.of();
		maxBacklog = (maxBacklog != null) ? Map.copyOf(maxBacklog) : Map.of();
		depthCacheTtl = (depthCacheTtl != null) ? depthCacheTtl : Duration.ofSeconds(1);
	}

	long intakePerMinute(String tenantId) {
		return this.tenantIntakePerMinute.getOrDefault(tenantId, this.intakePerMinute);
	}

	long maxBacklog(JobType type) {
		return this.maxBacklog.getOrDefault(type, 100_000L);
	}

}

package dev.hopper.core.result;

import dev.hopper.core.task.JobType;

/**
 * What makes two runs give the same result: the same file content, job type, parameters
 * and engine version. Scoped to a tenant, so a cache hit never tells one tenant what
 * another has uploaded.
 *
 * @param tenantId whose cache
 * @param type the job
 * @param fileSha256 the content
 * @param paramsFingerprint {@link dev.hopper.core.intake.Fingerprint#ofParams} of the parameters
 * @param engineVersion the engine that computed the result
 */
public record ResultCacheKey(String tenantId, JobType type, String fileSha256, String paramsFingerprint,
		String engineVersion) {

	public String id() {
		return String.join("|", this.tenantId, this.type.wireName(), this.fileSha256, this.paramsFingerprint,
				this.engineVersion);
	}

}

package dev.hopper.core.task;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which finished tasks one time to live applies to: one tenant's, one type's (except the
 * tenants that have their own), or the rest.
 *
 * @param tenantId only this tenant's tasks, when set
 * @param type only tasks of this type, when set
 * @param exceptTenants never these tenants' tasks (they have a rule of their own)
 * @param exceptTypes never tasks of these types (they have a rule of their own)
 */
public record RetentionScope(@Nullable String tenantId, @Nullable JobType type, Set<String> exceptTenants,
		Set<JobType> exceptTypes) {

	public RetentionScope {
		exceptTenants = Set.copyOf(exceptTenants);
		exceptTypes = Set.copyOf(exceptTypes);
	}

	public static RetentionScope tenant(String tenantId) {
		return new RetentionScope(tenantId, null, Set.of(), Set.of());
	}

	public static RetentionScope type(JobType type, Set<String> exceptTenants) {
		return new RetentionScope(null, type, exceptTenants, Set.of());
	}

	public static RetentionScope rest(Set<String> exceptTenants, Set<JobType> exceptTypes) {
		return new RetentionScope(null, null, exceptTenants, exceptTypes);
	}

}

package dev.hopper.api.auth;

/**
 * The tenant a request acts for, as its API key says. Controllers take it as a parameter;
 * anything owned by another tenant is answered as not found.
 *
 * @param id the tenant's id
 */
public record Tenant(String id) {

	static final String ATTRIBUTE = Tenant.class.getName();

	public boolean owns(String tenantId) {
		return this.id.equals(tenantId);
	}

}

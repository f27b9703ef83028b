package dev.hopper.api.auth;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import dev.hopper.core.tenant.ApiKeyStore;
import dev.hopper.core.tenant.Tenants;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators issue, list and revoke tenants' API keys. A new key is shown once, in the
 * answer that issues it; afterwards only its hash exists.
 */
@RestController
@RequestMapping("/admin/v1")
class KeyAdminController {

	private final ApiKeyStore keys;

	private final Clock clock;

	private final RecentKeys recentKeys;

	KeyAdminController(ApiKeyStore keys, RecentKeys recentKeys, Clock clock) {
		this.recentKeys = recentKeys;
		this.keys = keys;
		this.clock = clock;
	}

	@Operation(summary = "Issue an API key for a tenant (shown once)")
	@ApiResponse(responseCode = "201", description = "The new key; only its hash is kept", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "bad_request", "invalid_tenant_id", "invalid_key_name" })
	@Refusal(status = 415, codes = { "unsupported_media_type" })
	@Refusal(status = 413, codes = { "body_too_large" })
	@PostMapping("/tenants/{tenantId}/keys")
	ResponseEntity<IssuedKey> issue(@PathVariable String tenantId, @RequestBody(required = false) @Nullable KeyRequest request) {
		checkTenant(tenantId);
		String name = (request != null && request.name() != null) ? request.name().strip() : "";
		if (name.length() > 100) {
			throw ApiProblem.badRequest("invalid_key_name", "A key name has at most 100 characters");
		}
		String secret = ApiKeySecrets.generate();
		ApiKey key = ApiKey.issue(secret, tenantId, name, this.clock.instant());
		this.keys.insertIfAbsent(key);
		return ResponseEntity.created(URI.create("/admin/v1/tenants/" + tenantId + "/keys"))
			.body(new IssuedKey(key.id(), secret, key.tenantId(), key.name(), key.createdAt()));
	}

	@Operation(summary = "List a tenant's keys (never the secrets)")
	@ApiResponse(responseCode = "200", description = "The tenant's keys", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "invalid_tenant_id" })
	@GetMapping("/tenants/{tenantId}/keys")
	List<KeyView> list(@PathVariable String tenantId) {
		checkTenant(tenantId);
		return this.keys.findByTenant(tenantId).stream().map(KeyView::of).toList();
	}

	@Operation(summary = "Revoke a key: every replica refuses it within a second")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@Refusal(status = 404, codes = { "key_not_found" })
	@DeleteMapping("/keys/{keyId}")
	ResponseEntity<Void> revoke(@PathVariable String keyId) {
		boolean revoked = this.keys.revoke(keyId, this.clock.instant());
		this.recentKeys.forgetAll();
		if (!revoked) {
			throw ApiProblem.notFound("key_not_found", "No valid key " + keyId.replaceAll("\\p{Cntrl}", "?"));
		}
		return ResponseEntity.noContent().build();
	}

	private static void checkTenant(String tenantId) {
		if (!Tenants.isValidId(tenantId)) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_tenant_id",
					"A tenant id is 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit");
		}
	}

	record KeyRequest(@Nullable String name) {
	}

	/** The answer that issues a key: the only time its secret is shown. */
	record IssuedKey(String id, String key, String tenantId, String name, Instant createdAt) {
	}

	record KeyView(String id, String tenantId, String name, Instant createdAt, @Nullable Instant revokedAt) {

		static KeyView of(ApiKey key) {
			return new KeyView(key.id(), key.tenantId(), key.name(), key.createdAt(), key.revokedAt());
		}

	}

}

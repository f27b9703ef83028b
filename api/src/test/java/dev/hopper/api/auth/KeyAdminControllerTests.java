package dev.hopper.api.auth;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/** {@code /admin/v1} keys: the admin key guards them, a new key is shown once and stored only as its hash. */
@WebMvcTest(controllers = KeyAdminController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
class KeyAdminControllerTests extends ApiSlice {

	@Test
	void anIssuedKeyIsShownOnceAndOnlyItsHashIsStored() throws Exception {
		MvcTestResult answer = this.mvc.post().uri("/admin/v1/tenants/acme/keys").header("X-API-Key", ADMIN_KEY)
			.contentType("application/json").content("{\"name\":\"ci\"}").exchange();

		assertThat(answer).hasStatus(HttpStatus.CREATED);
		ArgumentCaptor<ApiKey> stored = ArgumentCaptor.forClass(ApiKey.class);
		then(this.keys).should().insertIfAbsent(stored.capture());
		String secret = answer.getResponse().getContentAsString().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
		assertThat(stored.getValue().hash()).isEqualTo(ApiKeySecrets.hash(secret)).isNotEqualTo(secret);
		assertThat(stored.getValue().tenantId()).isEqualTo("acme");
	}

	@Test
	void theAdminEndpointsRefuseATenantKeyAndNoKey() {
		assertProblem(this.mvc.get().uri("/admin/v1/tenants/acme/keys").header("X-API-Key", KEY).exchange(),
				HttpStatus.UNAUTHORIZED, "invalid_admin_key");
		assertProblem(this.mvc.get().uri("/admin/v1/tenants/acme/keys").exchange(), HttpStatus.UNAUTHORIZED,
				"invalid_admin_key");
		then(this.keys).should(never()).findByTenant(any());
	}

	@Test
	void aTenantIdOutOfShapeIs400AndAnUnknownKeyIs404() {
		assertProblem(this.mvc.get().uri("/admin/v1/tenants/Not_A_Tenant/keys").header("X-API-Key", ADMIN_KEY)
			.exchange(), HttpStatus.BAD_REQUEST, "invalid_tenant_id");
		given(this.keys.revoke(eq("key_missing"), any())).willReturn(false);
		assertProblem(this.mvc.delete().uri("/admin/v1/keys/key_missing").header("X-API-Key", ADMIN_KEY).exchange(),
				HttpStatus.NOT_FOUND, "key_not_found");
	}

	@Test
	void aRevokedKeyAnswers204() {
		given(this.keys.revoke(eq("key_1"), any())).willReturn(true);

		assertThat(this.mvc.delete().uri("/admin/v1/keys/key_1").header("X-API-Key", ADMIN_KEY).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
	}

}

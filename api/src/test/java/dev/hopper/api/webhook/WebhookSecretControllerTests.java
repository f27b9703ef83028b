package dev.hopper.api.webhook;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.WebhookOutbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/webhook-secret}: each tenant's own secret, derived from the signing key. */
@WebMvcTest(controllers = WebhookConfiguration.WebhookSecretController.class,
		properties = { "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY, "hopper.webhooks.signing-key=slice-signing-key" })
@Import(WebhookConfiguration.class)
class WebhookSecretControllerTests extends ApiSlice {

	@MockitoBean
	WebhookOutbox outbox;

	@Test
	void aTenantGetsTheSecretItsWebhooksAreSignedWith() {
		String expected = new WebhookSigner("slice-signing-key").secretFor(TENANT);

		assertThat(this.mvc.get().uri("/api/v1/webhook-secret").header("X-API-Key", KEY).exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.secret")
			.isEqualTo(expected);
		assertThat(expected).isNotEqualTo(new WebhookSigner("slice-signing-key").secretFor("tenant-b"));
	}

}

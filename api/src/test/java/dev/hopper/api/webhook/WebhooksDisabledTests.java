package dev.hopper.api.webhook;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.WebhookOutbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Without a signing key there are no webhooks, and asking for a secret says so. */
@WebMvcTest(controllers = WebhookConfiguration.WebhookSecretController.class,
		properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import(WebhookConfiguration.class)
class WebhooksDisabledTests extends ApiSlice {

	@MockitoBean
	WebhookOutbox outbox;

	@Test
	void aSecretIsRefusedAs422() {
		assertProblem(this.mvc.get().uri("/api/v1/webhook-secret").header("X-API-Key", KEY).exchange(),
				HttpStatus.UNPROCESSABLE_CONTENT, "webhooks_disabled");
	}

}

package dev.hopper.api.webhook;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.time.Clock;
import java.net.InetAddress;
import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.task.WebhookOutbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook targets, signing and delivery; {@code GET /api/v1/webhook-secret} tells a tenant its secret. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	@Bean
	WebhookTargets webhookTargets(WebhookProperties properties) {
		return new WebhookTargets(properties, InetAddress::getAllByName);
	}

	@Bean
	WebhookSigner webhookSigner(WebhookProperties properties) {
		// without a signing key no webhook is accepted at intake, so this signer never signs
		return new WebhookSigner((properties.signingKey() != null) ? properties.signingKey() : "");
	}

	@Bean
	WebhookRelay webhookRelay(WebhookOutbox tasks, WebhookSigner signer, WebhookTargets targets,
			WebhookProperties properties, JsonMapper json, Clock clock) {
		return new WebhookRelay(tasks, signer, targets, properties, json, clock);
	}

	@RestController
	static class WebhookSecretController {

		private final WebhookSigner signer;

		private final WebhookProperties properties;

		WebhookSecretController(WebhookSigner signer, WebhookProperties properties) {
			this.signer = signer;
			this.properties = properties;
		}

		/** The secret that signs this tenant's webhooks (HMAC-SHA256 of {@code t + "." + body}). */
	@Operation(summary = "The secret this tenant's webhooks are signed with, and how to check a signature")
	@ApiResponse(responseCode = "200", description = "The secret and the signature scheme", useReturnTypeSchema = true)
	@Refusal(status = 422, codes = { "webhooks_disabled" })
		@GetMapping("/api/v1/webhook-secret")
		Map<String, String> secret(Tenant tenant) {
			if (this.properties.signingKey() == null) {
				throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "webhooks_disabled",
						"This deployment sends no webhooks (hopper.webhooks.signing-key is not set)");
			}
			return Map.of("secret", this.signer.secretFor(tenant.id()), "signatureHeader", "Hopper-Signature",
					"scheme", "t=<unix seconds>,v1=hex(HMAC-SHA256(secret, t + \".\" + body))");
		}

	}

}

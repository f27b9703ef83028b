package dev.hopper.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for webhooks. Each tenant's secret is derived from the server's
 * signing key, so none is stored; the header {@code Hopper-Signature: t=<unix seconds>,
 * v1=<hex>} signs {@code t + "." + body}, so a receiver can also refuse old replays.
 */
public class WebhookSigner {

	private final byte[] signingKey;

	WebhookSigner(String signingKey) {
		this.signingKey = signingKey.getBytes(StandardCharsets.UTF_8);
	}

	/** The tenant's webhook secret. */
	public String secretFor(String tenantId) {
		return hmac(this.signingKey, "webhook-secret:" + tenantId);
	}

	/** The {@code Hopper-Signature} header value for {@code body} sent at {@code epochSeconds}. */
	public String signature(String tenantId, long epochSeconds, String body) {
		String secret = secretFor(tenantId);
		return "t=" + epochSeconds + ",v1=" + hmac(secret.getBytes(StandardCharsets.UTF_8), epochSeconds + "." + body);
	}

	static String hmac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every JVM", ex);
		}
	}

}

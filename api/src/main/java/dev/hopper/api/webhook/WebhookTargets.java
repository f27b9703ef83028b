package dev.hopper.api.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import dev.hopper.api.problem.ApiProblem;

import org.springframework.http.HttpStatus;

/** Which endpoints a webhook may call: absolute http(s) URLs, and not into private networks unless allowed. */
public class WebhookTargets {

	private final WebhookProperties properties;

	WebhookTargets(WebhookProperties properties) {
		this.properties = properties;
	}

	/** {@code url}, checked at intake. @throws ApiProblem when webhooks are off or the URL is not acceptable */
	public String check(String url) {
		if (this.properties.signingKey() == null) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "webhooks_disabled",
					"This deployment sends no webhooks (hopper.webhooks.signing-key is not set)");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw invalid("is not a URL");
		}
		if (url.length() > 2048 || uri.getHost() == null || uri.getUserInfo() != null
				|| !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
			throw invalid("must be an absolute http(s) URL without credentials, at most 2048 characters");
		}
		return url;
	}

	/** Whether a delivery may go to {@code uri} now (checked again at send time: DNS may have changed). */
	boolean mayCall(URI uri) {
		if (this.properties.allowPrivateAddresses()) {
			return true;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static ApiProblem invalid(String why) {
		return ApiProblem.badRequest("invalid_webhook", "The webhook " + why);
	}

}

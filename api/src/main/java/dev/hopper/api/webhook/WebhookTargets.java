package dev.hopper.api.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

import dev.hopper.api.problem.ApiProblem;

import org.springframework.http.HttpStatus;

/**
 * Where webhooks may go: an absolute http(s) URL whose host resolves only to ordinary
 * public addresses (unless private ones are allowed). Checked at intake, and again at each
 * delivery, where the delivery then connects to exactly the addresses checked, so a name
 * that resolves differently the second time (DNS rebinding) gains nothing.
 */
public class WebhookTargets {

	private final WebhookProperties properties;

	private final Resolver resolver;

	WebhookTargets(WebhookProperties properties, Resolver resolver) {
		this.properties = properties;
		this.resolver = resolver;
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
		try {
			addresses(uri);
		}
		catch (Refused refused) {
			throw invalid(refused.getMessage());
		}
		return url;
	}

	/**
	 * The addresses a delivery to {@code uri} may connect to: every address its host resolves
	 * to now, each checked.
	 *
	 * @throws Refused when any is special-purpose, or the host does not resolve
	 */
	InetAddress[] addresses(URI uri) throws Refused {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(hostOf(uri));
		}
		catch (UnknownHostException ex) {
			throw new Refused("host " + uri.getHost() + " does not resolve");
		}
		if (!this.properties.allowPrivateAddresses()) {
			for (InetAddress address : addresses) {
				Optional<String> special = AddressRanges.specialPurpose(address);
				if (special.isPresent()) {
					throw new Refused("host " + uri.getHost() + " resolves to " + address.getHostAddress() + ", in the "
							+ special.get() + " range, where webhooks may not go");
				}
			}
		}
		return addresses;
	}

	/** The host without the brackets of an IPv6 literal. */
	private static String hostOf(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static ApiProblem invalid(String why) {
		return ApiProblem.badRequest("invalid_webhook", "The webhook " + why);
	}

	/** How a host name becomes addresses: the system's resolver, or a test's. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** A destination no webhook may go to: a permanent refusal, never retried. */
	static final class Refused extends Exception {

		Refused(String why) {
			super(why);
		}

	}

}

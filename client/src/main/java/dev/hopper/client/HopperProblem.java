package dev.hopper.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The API refused or failed a request: its RFC 9457 problem, with the stable {@code code}
 * to act on, and when to try again if it said.
 */
public class HopperProblem extends RuntimeException {

	private final int status;

	private final String code;

	private final @Nullable Duration retryAfter;

	public HopperProblem(int status, String code, String detail, @Nullable Duration retryAfter) {
		super(status + " " + code + ": " + detail);
		this.status = status;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether the same request may succeed later unchanged: too many requests, or unavailable for now. */
	public boolean isTransient() {
		return this.status == 429 || this.status == 503;
	}

}

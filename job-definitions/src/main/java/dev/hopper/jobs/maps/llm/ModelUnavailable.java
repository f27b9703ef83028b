package dev.hopper.jobs.maps.llm;

/**
 * The model did not answer: it kept failing (429, 5xx, timeouts) through every attempt, its
 * allowance stayed spent, or it refused the request outright (a wrong key or model). The
 * plan can still be parsed offline.
 */
public class ModelUnavailable extends RuntimeException {

	private final String reason;

	ModelUnavailable(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** A code: {@code model_unavailable}, {@code model_busy} or {@code model_rejected}. */
	public String reason() {
		return this.reason;
	}

}

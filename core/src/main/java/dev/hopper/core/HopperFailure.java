package dev.hopper.core;

/**
 * Root of Hopper's failures. Every failure carries a stable, machine-readable {@code code}
 * that clients see in problem responses and in a FAILED task's {@code error.code}.
 */
public abstract class HopperFailure extends RuntimeException {

	private final String code;

	protected HopperFailure(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/** Whether trying the same work again may succeed. */
	public abstract boolean isTransient();

}

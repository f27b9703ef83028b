package dev.hopper.core;

/** A failure that another attempt may not meet: infrastructure away, timeouts. Retried. */
public class TransientFailure extends HopperFailure {

	public TransientFailure(String code, String message) {
		this(code, message, null);
	}

	public TransientFailure(String code, String message, Throwable cause) {
		super(code, message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}

package dev.hopper.core;

/** A failure that every attempt will meet again: bad input. Fails the task at once. */
public class PermanentFailure extends HopperFailure {

	public PermanentFailure(String code, String message) {
		this(code, message, null);
	}

	public PermanentFailure(String code, String message, Throwable cause) {
		super(code, message, cause);
	}

	@Override
	public boolean isTransient() {
		return false;
	}

}

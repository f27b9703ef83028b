package dev.hopper.api.problem;

import java.io.IOException;

/** A request body went past its limit while it was read: answered 413 {@code body_too_large}. */
public class BodyTooLarge extends IOException {

	public BodyTooLarge(long limit) {
		super("The body exceeds " + limit + " bytes");
	}

}

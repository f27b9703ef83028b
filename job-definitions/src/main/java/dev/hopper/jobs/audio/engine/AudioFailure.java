package dev.hopper.jobs.audio.engine;

import dev.hopper.core.PermanentFailure;

/** Audio that cannot be analysed; retrying will not help. */
public final class AudioFailure extends PermanentFailure {

	public static final String UNSUPPORTED_FORMAT = "unsupported_format";

	public static final String CORRUPT_AUDIO = "corrupt_audio";

	public static final String EMPTY_AUDIO = "empty_audio";

	public AudioFailure(String code, String message) {
		super(code, message);
	}

}

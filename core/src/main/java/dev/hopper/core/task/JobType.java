package dev.hopper.core.task;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A kind of work Hopper runs, named as clients name it ({@code audio-features}). Which
 * types exist is the {@link JobTypes} registry's business: this is only the name.
 *
 * @param wireName lower-case words joined by hyphens
 */
public record JobType(String wireName) {

	// before the constants below, which the constructor checks against it
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private static final int MAX_LENGTH = 64;

	/** Audio files to loudness, rhythm, tonal, spectral and MFCC features. */
	public static final JobType AUDIO_FEATURES = new JobType("audio-features");

	/** Parking-garage floor plans to levels of slots, lanes and entrances. */
	public static final JobType MAP_PARSE = new JobType("map-parse");

	public JobType {
		if (!isWellFormed(wireName)) {
			throw new IllegalArgumentException("A job type name is lower-case words joined by hyphens, at most "
					+ MAX_LENGTH + " characters: '" + wireName + "'");
		}
	}

	/** The type named {@code wireName}; how configuration and JSON read a type from its name. */
	@JsonCreator
	public static JobType of(String wireName) {
		return new JobType(wireName);
	}

	/** Whether {@code name} can name a type at all (known or not). */
	public static boolean isWellFormed(String name) {
		return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
	}

	@JsonValue
	@Override
	public String wireName() {
		return this.wireName;
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

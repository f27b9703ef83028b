package dev.hopper.core.task;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of work Hopper runs; {@link #wireName()} is the name clients use. */
public enum JobType {

	AUDIO_FEATURES("audio-features"),

	MAP_PARSE("map-parse");

	private final String wireName;

	JobType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<JobType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

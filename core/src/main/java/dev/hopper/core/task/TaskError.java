package dev.hopper.core.task;

import dev.hopper.core.HopperFailure;

/** Why a task failed: a stable {@code code} for machines and a message for people. */
public record TaskError(String code, String message) {

	public static TaskError of(HopperFailure failure) {
		return new TaskError(failure.code(), String.valueOf(failure.getMessage()));
	}

}

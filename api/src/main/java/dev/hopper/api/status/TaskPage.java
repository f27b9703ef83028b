package dev.hopper.api.status;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a task list.
 *
 * @param tasks newest first
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last
 * @param total how many tasks the filter shows, counted no further than {@code countedUpTo}
 */
public record TaskPage(List<TaskView> tasks, @Nullable String nextPageToken, Total total) {

	/**
	 * @param count the tasks counted
	 * @param exact false when counting stopped at its cap: there are at least {@code count}
	 */
	public record Total(long count, boolean exact) {
	}

}

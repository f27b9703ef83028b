package dev.hopper.core.task;

import java.util.function.Consumer;

/**
 * Port for "this task changed" notices across processes, so a waiting client is answered
 * as soon as its task moves, by whichever api replica holds its request. Notices carry
 * only the id and may be lost on their way between processes (listeners re-read the task and
 * also look again now and then); the announcing process's own listeners hear each of its
 * notices before {@link #announce} returns.
 */
public interface TaskChangeFeed {

	void announce(String taskId);

	/** Calls {@code listener} with the id of each task announced from now on, until closed. */
	AutoCloseable subscribe(Consumer<String> listener);

}

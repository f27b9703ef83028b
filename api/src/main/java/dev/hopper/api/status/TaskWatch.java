package dev.hopper.api.status;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.hopper.core.task.TaskChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes this replica's waiting requests (long polls, event streams) when their task
 * changes. One subscription to the {@link TaskChangeFeed} per replica, which also keeps
 * {@link RecentTasks} true; watchers are called off the feed's thread, and also every two
 * seconds, since a notice can be lost.
 */
@Component
class TaskWatch implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TaskWatch.class);

	private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();

	private final ExecutorService dispatch = Executors.newFixedThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "hopper-task-watch");
		thread.setDaemon(true);
		return thread;
	});

	private final RecentTasks recent;

	private final AutoCloseable subscription;

	TaskWatch(TaskChangeFeed feed, RecentTasks recent) {
		this.recent = recent;
		this.subscription = feed.subscribe(this::changed);
	}

	/** Calls {@code onChange} after each change of the task (maybe more often) until the returned handle is closed. */
	Runnable watch(String taskId, Runnable onChange) {
		this.watchers.computeIfAbsent(taskId, (id) -> ConcurrentHashMap.newKeySet()).add(onChange);
		return () -> this.watchers.computeIfPresent(taskId, (id, set) -> {
			set.remove(onChange);
			return set.isEmpty() ? null : set;
		});
	}

	private void changed(String taskId) {
		// before anyone woken reads it again
		this.recent.forget(taskId);
		Set<Runnable> set = this.watchers.get(taskId);
		if (set != null) {
			set.forEach(this::call);
		}
	}

	@Scheduled(fixedDelay = 2000)
	void lookAgain() {
		this.watchers.values().forEach((set) -> set.forEach(this::call));
	}

	private void call(Runnable watcher) {
		try {
			this.dispatch.execute(() -> {
				try {
					watcher.run();
				}
				catch (RuntimeException ex) {
					logger.debug("A task watcher failed: {}", ex.getMessage());
				}
			});
		}
		catch (RuntimeException ex) {
			// shutting down
		}
	}

	@Override
	public void destroy() throws Exception {
		this.subscription.close();
		this.dispatch.shutdownNow();
	}

}

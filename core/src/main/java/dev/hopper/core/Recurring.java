package dev.hopper.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that runs every interval on a daemon thread of its own until stopped. A run that
 * fails is logged and the next one tries again; stopping says a farewell (giving up a lease,
 * leaving a registry) whose failure only costs waiting for an expiry.
 */
public final class Recurring {

	private static final Logger logger = LoggerFactory.getLogger(Recurring.class);

	private final String name;

	private final Duration firstAfter;

	private final Duration interval;

	private final Runnable work;

	private final Runnable farewell;

	private @Nullable ScheduledExecutorService schedule;

	/**
	 * @param name the thread's name, and how the logs call the work
	 * @param firstAfter when the first run starts
	 * @param interval the pause between the end of a run and the next
	 */
	public Recurring(String name, Duration firstAfter, Duration interval, Runnable work, Runnable farewell) {
		this.name = name;
		this.firstAfter = firstAfter;
		this.interval = interval;
		this.work = work;
		this.farewell = farewell;
	}

	public synchronized void start() {
		if (this.schedule != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.name);
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::runQuietly, this.firstAfter.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.schedule = started;
	}

	public synchronized void stop() {
		ScheduledExecutorService running = this.schedule;
		this.schedule = null;
		if (running == null) {
			return;
		}
		running.shutdownNow();
		try {
			this.farewell.run();
		}
		catch (RuntimeException ex) {
			logger.debug("{}: the farewell failed; what it would undo expires instead: {}", this.name,
					ex.getMessage());
		}
	}

	public synchronized boolean isRunning() {
		return this.schedule != null;
	}

	private void runQuietly() {
		try {
			this.work.run();
		}
		catch (RuntimeException ex) {
			logger.warn("{} failed; the next run tries again: {}", this.name, ex.getMessage());
		}
	}

}

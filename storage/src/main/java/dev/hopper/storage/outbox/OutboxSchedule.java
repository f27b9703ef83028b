package dev.hopper.storage.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hopper.core.queue.OutboxRelay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/** Runs the relay every interval while the application runs, on a thread of its own. */
class OutboxSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSchedule.class);

	private final OutboxRelay relay;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService schedule;

	OutboxSchedule(OutboxRelay relay, Duration interval) {
		this.relay = relay;
		this.interval = interval;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "hopper-outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		this.schedule = started;
		long millis = this.interval.toMillis();
		started.scheduleWithFixedDelay(this::relayQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.schedule;
		this.schedule = null;
		if (running != null) {
			running.shutdownNow();
			try {
				this.relay.stop();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not give up the outbox relay lease; it expires: {}", ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

	private void relayQuietly() {
		try {
			this.relay.relay();
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay pass failed; the next pass retries: {}", ex.getMessage());
		}
	}

}

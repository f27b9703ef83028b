package dev.hopper.storage.outbox;

import java.time.Duration;

import dev.hopper.core.Recurring;
import dev.hopper.core.queue.OutboxRelay;

import org.springframework.context.SmartLifecycle;

/** Runs the relay every interval while the application runs; on stop it gives up the relay's lease. */
class OutboxSchedule implements SmartLifecycle {

	private final Recurring recurring;

	OutboxSchedule(OutboxRelay relay, Duration interval) {
		this.recurring = new Recurring("hopper-outbox-relay", interval, interval, relay::relay, relay::stop);
	}

	@Override
	public void start() {
		this.recurring.start();
	}

	@Override
	public void stop() {
		this.recurring.stop();
	}

	@Override
	public boolean isRunning() {
		return this.recurring.isRunning();
	}

}

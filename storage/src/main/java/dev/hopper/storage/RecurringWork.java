package dev.hopper.storage;

import dev.hopper.core.Recurring;

import org.springframework.context.SmartLifecycle;

/** {@link Recurring} work that starts and stops with the application: the outbox relay, the worker's beat. */
public class RecurringWork implements SmartLifecycle {

	private final Recurring recurring;

	public RecurringWork(Recurring recurring) {
		this.recurring = recurring;
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

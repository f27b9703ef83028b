package dev.hopper.core.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where to tell the client that its task finished, and how the telling goes: the task
 * document is the delivery's outbox, so a notice survives any crash until it is delivered
 * or its attempts run out.
 *
 * @param url the client's endpoint
 * @param attempts deliveries tried
 * @param nextAt when the next try is due (null: as soon as the task finishes)
 * @param deliveredAt when the endpoint accepted it
 * @param lastError why the last try failed
 * @param refusedAt when it was given up for good: it points where no webhook may go
 */
public record Webhook(String url, int attempts, @Nullable Instant nextAt, @Nullable Instant deliveredAt,
		@Nullable String lastError, @Nullable Instant refusedAt) {

	public static Webhook to(String url) {
		return new Webhook(url, 0, null, null, null, null);
	}

}

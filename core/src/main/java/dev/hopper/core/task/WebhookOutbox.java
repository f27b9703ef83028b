package dev.hopper.core.task;

import java.time.Instant;
import java.util.Optional;

/** Port for the webhook notices finished tasks owe their clients, kept in the task documents. */
public interface WebhookOutbox {

	/**
	 * Takes the next finished task whose webhook is due, leasing its delivery until
	 * {@code leaseUntil} (so one replica delivers it) and counting the attempt.
	 */
	Optional<Task> claimDueWebhook(Instant now, Instant leaseUntil, int maxAttempts);

	/** Its webhook delivery was accepted by the client. */
	void webhookDelivered(String id, Instant at);

	/** Its webhook delivery failed; the next try is due at {@code nextAt}. */
	void webhookFailed(String id, String error, Instant nextAt);

	/** Its webhook may not be sent where it points (a special-purpose address): never tried again. */
	void webhookRefused(String id, String why, Instant at);

}

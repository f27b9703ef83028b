package dev.hopper.core.intake;

import java.time.Instant;

/**
 * A request made with an {@code Idempotency-Key}: which task it created, and what it asked
 * for, so a retry is answered with the same task and a different request under the same
 * key is refused.
 *
 * @param tenantId whose key it is (keys are per tenant)
 * @param key the client's key
 * @param fingerprint {@link Fingerprint} of the request
 * @param taskId the task the first request created
 * @param createdAt when it was first seen
 */
public record IdempotencyRecord(String tenantId, String key, String fingerprint, String taskId, Instant createdAt) {
}

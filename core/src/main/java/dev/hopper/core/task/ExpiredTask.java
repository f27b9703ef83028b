package dev.hopper.core.task;

import java.time.Instant;

/**
 * What is kept of a task its time to live removed: enough to answer 410 rather than 404 to
 * its tenant.
 *
 * @param id the task's id
 * @param tenantId its tenant, so another tenant still gets 404
 * @param finishedAt when it finished
 * @param expiredAt when its records were removed
 */
public record ExpiredTask(String id, String tenantId, Instant finishedAt, Instant expiredAt) {
}

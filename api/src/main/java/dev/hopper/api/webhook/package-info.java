/**
 * Webhooks: a signed notice to the client's endpoint when its task finishes, delivered from
 * the task document (the outbox) with retries.
 */
@NullMarked
package dev.hopper.api.webhook;

import org.jspecify.annotations.NullMarked;

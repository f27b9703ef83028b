/**
 * A typed client of Hopper's public API ({@link dev.hopper.client.HopperClient}): uploads
 * streamed from files, status, long polls, batches, results, cancels; refusals as
 * {@link dev.hopper.client.HopperProblem}, 429 and 503 retried after their Retry-After.
 */
@NullMarked
package dev.hopper.client;

import org.jspecify.annotations.NullMarked;

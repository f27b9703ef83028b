package dev.hopper.core.queue;

/**
 * What the broker says of one work queue.
 *
 * @param ready messages waiting for a consumer (not those being worked on)
 * @param consumers consumers attached: worker threads ready to take a task
 */
public record QueueDepth(long ready, int consumers) {
}

/** The {@link dev.hopper.core.queue.WorkQueue} port: task messages handed to workers. */
@NullMarked
package dev.hopper.core.queue;

import org.jspecify.annotations.NullMarked;

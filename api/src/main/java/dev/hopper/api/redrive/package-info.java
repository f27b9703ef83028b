/** FAILED tasks queued again: a batch's failures, or a dead letter's task. */
@NullMarked
package dev.hopper.api.redrive;

import org.jspecify.annotations.NullMarked;

/** Accepting uploads: streaming them to storage, validating them, queueing their tasks. */
@NullMarked
package dev.hopper.api.intake;

import org.jspecify.annotations.NullMarked;

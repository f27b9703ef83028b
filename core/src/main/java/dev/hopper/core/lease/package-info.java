/** The {@link dev.hopper.core.lease.LeaseRegistry} port: who is running a task right now. */
@NullMarked
package dev.hopper.core.lease;

import org.jspecify.annotations.NullMarked;

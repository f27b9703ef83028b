/** The worker app: consumes task messages, claims tasks, runs their jobs, keeps leases. */
@NullMarked
package dev.hopper.workers;

import org.jspecify.annotations.NullMarked;

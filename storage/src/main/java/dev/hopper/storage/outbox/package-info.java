/** The outbox relay, scheduled in every api and worker process. */
@NullMarked
package dev.hopper.storage.outbox;

import org.jspecify.annotations.NullMarked;

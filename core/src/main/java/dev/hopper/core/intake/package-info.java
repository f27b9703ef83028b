/**
 * What intake remembers about requests: idempotency keys, and fingerprints of the work a
 * request asks for.
 */
@NullMarked
package dev.hopper.core.intake;

import org.jspecify.annotations.NullMarked;

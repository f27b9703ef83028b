/** The one HTTP error format: RFC 9457 problem details with a stable {@code code}. */
@NullMarked
package dev.hopper.api.problem;

import org.jspecify.annotations.NullMarked;

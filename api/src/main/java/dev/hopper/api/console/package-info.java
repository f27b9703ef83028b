/** The operators' and tenants' web console at {@code /console}, rendered on the server. */
@NullMarked
package dev.hopper.api.console;

import org.jspecify.annotations.NullMarked;

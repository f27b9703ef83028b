/** Task status and results for polling clients. */
@NullMarked
package dev.hopper.api.status;

import org.jspecify.annotations.NullMarked;

/** Worker processes as they announce themselves: the registry operators read. */
@NullMarked
package dev.hopper.core.worker;

import org.jspecify.annotations.NullMarked;

/** The {@code hopper} command line, on the Java client: folders in, results out. */
@NullMarked
package dev.hopper.cli;

import org.jspecify.annotations.NullMarked;

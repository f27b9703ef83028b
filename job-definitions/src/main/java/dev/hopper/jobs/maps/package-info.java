/** The {@code map-parse} job; registered as a type, its parser is not built yet. */
@NullMarked
package dev.hopper.jobs.maps;

import org.jspecify.annotations.NullMarked;

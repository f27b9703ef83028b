/** The {@code map-parse} job: a floor plan becomes levels of slots, lanes and entrances. */
@NullMarked
package dev.hopper.jobs.maps;

import org.jspecify.annotations.NullMarked;

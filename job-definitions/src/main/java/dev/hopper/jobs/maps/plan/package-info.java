/** The {@code map-parse} result: levels of slots, lanes and entrances, in image pixels. */
@NullMarked
package dev.hopper.jobs.maps.plan;

import org.jspecify.annotations.NullMarked;

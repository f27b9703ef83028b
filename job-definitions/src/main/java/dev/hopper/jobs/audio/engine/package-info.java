/** The audio engine: decoding and measurement in plain Java, no Spring. */
@NullMarked
package dev.hopper.jobs.audio.engine;

import org.jspecify.annotations.NullMarked;

/** The {@code audio-features} job: segments of one file are the chunk items. */
@NullMarked
package dev.hopper.jobs.audio;

import org.jspecify.annotations.NullMarked;

package dev.hopper.jobs.audio;

import dev.hopper.jobs.audio.engine.SignalLevels;

/** What the analysis step learned from one segment. */
record SegmentMeasurement(long index, long count, SignalLevels levels) {
}

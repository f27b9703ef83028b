package dev.hopper.core.task;

/**
 * The version of the engine a job type runs: part of every result-cache key, so a new
 * engine computes afresh instead of serving its predecessor's results.
 *
 * @param type the job type
 * @param version the engine's version, as its results state it
 */
public record EngineVersion(JobType type, String version) {
}

package dev.hopper.jobs.audio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code audio-features} job.
 *
 * @param segmentFrames frames per segment, the chunk item; bounds the memory one worker thread holds
 * @param segmentsPerChunk segments per checkpoint; a crash re-runs at most this many
 */
@ConfigurationProperties("hopper.jobs.audio")
public record AudioJobProperties(int segmentFrames, int segmentsPerChunk) {

	public AudioJobProperties {
		segmentFrames = (segmentFrames > 0) ? segmentFrames : 65_536;
		segmentsPerChunk = (segmentsPerChunk > 0) ? segmentsPerChunk : 8;
	}

}

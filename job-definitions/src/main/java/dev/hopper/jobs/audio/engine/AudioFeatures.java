package dev.hopper.jobs.audio.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code audio-features} result, in the contract's field names.
 *
 * @param durationSec length of the audio
 * @param sampleRate frames per second
 * @param channels channel count
 * @param format container format, by content
 * @param levels RMS and peak over all channels
 */
public record AudioFeatures(double durationSec, int sampleRate, int channels, String format, SignalLevels levels) {

	/** Name and version of this engine, stored with every result it produces. */
	public static final String ENGINE_NAME = "hopper-audio";

	public static final String ENGINE_VERSION = "0.1.0";

	public Map<String, Object> toDocument() {
		Map<String, Object> loudness = new LinkedHashMap<>();
		loudness.put("rmsDbfs", this.levels.rmsDbfs());
		loudness.put("peakDbfs", this.levels.peakDbfs());
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("durationSec", this.durationSec);
		document.put("sampleRate", this.sampleRate);
		document.put("channels", this.channels);
		document.put("format", this.format);
		document.put("loudness", loudness);
		document.put("engine", Map.of("name", ENGINE_NAME, "version", ENGINE_VERSION));
		return document;
	}

}

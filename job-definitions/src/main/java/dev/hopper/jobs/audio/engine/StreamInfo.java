package dev.hopper.jobs.audio.engine;

/**
 * What a decoder learned from a stream's headers.
 *
 * @param format container/codec name as the result reports it: wav, flac, mp3 or ogg
 * @param sampleRate frames per second
 * @param channels channels per frame
 * @param frames frames the stream holds, or {@code -1} when the headers do not say
 */
public record StreamInfo(String format, int sampleRate, int channels, long frames) implements java.io.Serializable {

	/** Largest sample rate the engine accepts (768 kHz, the highest in use). */
	public static final int MAX_SAMPLE_RATE = 768_000;

	/** Largest channel count the engine accepts. */
	public static final int MAX_CHANNELS = 64;

	/** The info, once its rate and channel count are within what the engine analyses. */
	public static StreamInfo checked(String format, int sampleRate, int channels, long frames) {
		if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
			throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					"Sample rate " + sampleRate + " Hz is outside 1 Hz to " + MAX_SAMPLE_RATE + " Hz");
		}
		if (channels < 1 || channels > MAX_CHANNELS) {
			throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					channels + " channels is outside 1 to " + MAX_CHANNELS);
		}
		return new StreamInfo(format, sampleRate, channels, frames);
	}

}

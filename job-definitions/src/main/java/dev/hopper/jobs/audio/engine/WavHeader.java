package dev.hopper.jobs.audio.engine;

/**
 * What a WAV file's header says, checked against the file's real size.
 *
 * @param encoding how samples are stored
 * @param channels interleaved channels per frame
 * @param sampleRate frames per second
 * @param dataOffset byte offset of the first sample in the file
 * @param dataLength bytes of sample data actually present (a header may claim more)
 */
public record WavHeader(SampleEncoding encoding, int channels, int sampleRate, long dataOffset, long dataLength) {

	public int frameBytes() {
		return this.encoding.bytes() * this.channels;
	}

	/** Whole frames present; a trailing partial frame is ignored. */
	public long frames() {
		return this.dataLength / frameBytes();
	}

	public double durationSeconds() {
		return (double) frames() / this.sampleRate;
	}

}

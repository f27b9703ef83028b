package dev.hopper.jobs.audio.engine;

/**
 * A run of consecutive frames of one file: the unit the audio job reads, checkpoints and
 * reports progress in.
 *
 * @param index position of the segment in the file, from 0
 * @param count how many segments the file has (an estimate for formats whose headers do not say)
 * @param stream the stream the segment comes from
 * @param frames frames held
 * @param samples {@code frames * channels} interleaved samples, full scale 1
 */
public record AudioSegment(long index, long count, StreamInfo stream, int frames, double[] samples) {

	public int channels() {
		return this.stream.channels();
	}

}

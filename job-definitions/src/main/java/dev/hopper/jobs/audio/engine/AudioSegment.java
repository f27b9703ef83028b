package dev.hopper.jobs.audio.engine;

/**
 * A run of consecutive frames of one file: the unit the audio job reads, checkpoints and
 * reports progress in.
 *
 * @param index position of the segment in the file, from 0
 * @param count how many segments the file has
 * @param channels interleaved channels per frame
 * @param frames frames held
 * @param samples {@code frames * channels} interleaved samples scaled to [-1, 1]
 */
public record AudioSegment(long index, long count, int channels, int frames, double[] samples) {
}

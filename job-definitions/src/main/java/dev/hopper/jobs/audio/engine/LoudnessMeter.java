package dev.hopper.jobs.audio.engine;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Loudness per ITU-R BS.1770-4 and EBU R128 / Tech 3342: K-weighting, 100 ms sub-blocks,
 * gated 400 ms blocks for integrated loudness and 3 s short-term blocks (every 100 ms)
 * for loudness range. Blocks are kept in 0.01 LU histograms with their energies, so the
 * state stays the same size however long the file is, and the gates stay exact to the bin.
 */
final class LoudnessMeter implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final double ABSOLUTE_GATE = -70.0;

	private static final int MOMENTARY_SUB_BLOCKS = 4;

	private static final int SHORT_TERM_SUB_BLOCKS = 30;

	private final double[] weights;

	private final double[][] coefficients;

	/** Per channel: the two biquads' transposed direct form II states. */
	private final double[][] state;

	private final int subBlockLength;

	private int subBlockFill;

	private final double[] subBlockSquares;

	private final double[] recentSubBlocks = new double[SHORT_TERM_SUB_BLOCKS];

	private long subBlocks;

	private final LoudnessHistogram momentary = new LoudnessHistogram();

	private final LoudnessHistogram shortTerm = new LoudnessHistogram();

	LoudnessMeter(int sampleRate, int channels) {
		this.weights = channelWeights(channels);
		this.coefficients = kWeighting(sampleRate);
		this.state = new double[channels][4];
		this.subBlockLength = Math.max(1, (int) Math.round(sampleRate / 10.0));
		this.subBlockSquares = new double[channels];
	}

	/**
	 * BS.1770 weights over the default layout for the channel count (as ffmpeg and
	 * libebur128 assume for WAV without a channel mask): 1 for front channels, 1.41 for
	 * surrounds, 0 for LFE. 4 = L R Ls Rs, 5 = L R C Ls Rs, 6 = 5.1, 8 = 7.1; others all 1.
	 */
	static double[] channelWeights(int channels) {
		double[] weights = new double[channels];
		java.util.Arrays.fill(weights, 1.0);
		switch (channels) {
			case 4 -> {
				weights[2] = 1.41;
				weights[3] = 1.41;
			}
			case 5 -> {
				weights[3] = 1.41;
				weights[4] = 1.41;
			}
			case 6, 8 -> {
				weights[3] = 0.0;
				for (int c = 4; c < channels; c++) {
					weights[c] = 1.41;
				}
			}
			default -> {
			}
		}
		return weights;
	}

	/** The two K-weighting stages (high shelf, then high pass) designed for any sample rate. */
	private static double[][] kWeighting(int sampleRate) {
		double f0 = 1681.974450955533;
		double gain = 3.999843853973347;
		double q = 0.7071752369554196;
		double k = Math.tan(Math.PI * f0 / sampleRate);
		double vh = Math.pow(10.0, gain / 20.0);
		double vb = Math.pow(vh, 0.4996667741545416);
		double a0 = 1.0 + k / q + k * k;
		double[] shelf = { (vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
				2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0 };
		f0 = 38.13547087602444;
		q = 0.5003270373238773;
		k = Math.tan(Math.PI * f0 / sampleRate);
		double d = 1.0 + k / q + k * k;
		double[] highPass = { 1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / d, (1.0 - k / q + k * k) / d };
		return new double[][] { shelf, highPass };
	}

	void accept(double[] interleaved, int frames) {
		int channels = this.state.length;
		int start = 0;
		while (start < frames) {
			int run = Math.min(frames - start, this.subBlockLength - this.subBlockFill);
			int c = 0;
			for (; c + 1 < channels; c += 2) {
				// two channels per pass: their recursions are independent, so the CPU overlaps them
				filteredPair(interleaved, channels, c, start, run);
			}
			if (c < channels) {
				this.subBlockSquares[c] += filteredSquares(interleaved, channels, c, start, run);
			}
			this.subBlockFill += run;
			start += run;
			if (this.subBlockFill == this.subBlockLength) {
				closeSubBlock();
			}
		}
	}

	private double filteredSquares(double[] interleaved, int channels, int channel, int start, int run) {
		double[] s = this.coefficients[0];
		double[] h = this.coefficients[1];
		double[] z = this.state[channel];
		double z1 = z[0];
		double z2 = z[1];
		double z3 = z[2];
		double z4 = z[3];
		double sum = 0;
		int end = (start + run) * channels + channel;
		for (int i = start * channels + channel; i < end; i += channels) {
			double x = interleaved[i];
			double y = s[0] * x + z1;
			z1 = s[1] * x - s[3] * y + z2;
			z2 = s[2] * x - s[4] * y;
			double w = y + z3;
			z3 = -2.0 * y - h[3] * w + z4;
			z4 = y - h[4] * w;
			sum += w * w;
		}
		z[0] = z1;
		z[1] = z2;
		z[2] = z3;
		z[3] = z4;
		return sum;
	}

	private void filteredPair(double[] interleaved, int channels, int channel, int start, int run) {
		double[] s = this.coefficients[0];
		double[] h = this.coefficients[1];
		double s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], h3 = h[3], h4 = h[4];
		double[] za = this.state[channel];
		double[] zb = this.state[channel + 1];
		double a1 = za[0], a2 = za[1], a3 = za[2], a4 = za[3];
		double b1 = zb[0], b2 = zb[1], b3 = zb[2], b4 = zb[3];
		double sumA = 0;
		double sumB = 0;
		int end = (start + run) * channels + channel;
		for (int i = start * channels + channel; i < end; i += channels) {
			double xa = interleaved[i];
			double xb = interleaved[i + 1];
			double ya = s0 * xa + a1;
			double yb = s0 * xb + b1;
			a1 = s1 * xa - s3 * ya + a2;
			b1 = s1 * xb - s3 * yb + b2;
			a2 = s2 * xa - s4 * ya;
			b2 = s2 * xb - s4 * yb;
			double wa = ya + a3;
			double wb = yb + b3;
			a3 = -2.0 * ya - h3 * wa + a4;
			b3 = -2.0 * yb - h3 * wb + b4;
			a4 = ya - h4 * wa;
			b4 = yb - h4 * wb;
			sumA += wa * wa;
			sumB += wb * wb;
		}
		za[0] = a1;
		za[1] = a2;
		za[2] = a3;
		za[3] = a4;
		zb[0] = b1;
		zb[1] = b2;
		zb[2] = b3;
		zb[3] = b4;
		this.subBlockSquares[channel] += sumA;
		this.subBlockSquares[channel + 1] += sumB;
	}

	private void closeSubBlock() {
		double energy = 0;
		for (int c = 0; c < this.weights.length; c++) {
			energy += this.weights[c] * this.subBlockSquares[c] / this.subBlockLength;
			this.subBlockSquares[c] = 0;
		}
		this.subBlockFill = 0;
		this.recentSubBlocks[(int) (this.subBlocks % SHORT_TERM_SUB_BLOCKS)] = energy;
		this.subBlocks++;
		if (this.subBlocks >= MOMENTARY_SUB_BLOCKS) {
			this.momentary.add(meanOfRecent(MOMENTARY_SUB_BLOCKS));
		}
		if (this.subBlocks >= SHORT_TERM_SUB_BLOCKS) {
			this.shortTerm.add(meanOfRecent(SHORT_TERM_SUB_BLOCKS));
		}
	}

	private double meanOfRecent(int count) {
		double sum = 0;
		for (int i = 1; i <= count; i++) {
			sum += this.recentSubBlocks[(int) ((this.subBlocks - i) % SHORT_TERM_SUB_BLOCKS)];
		}
		return sum / count;
	}

	/** Gated integrated loudness in LUFS; {@code null} when no block passes the absolute gate. */
	@Nullable Double integratedLufs() {
		Double ungated = this.momentary.meanLoudnessFrom(ABSOLUTE_GATE);
		return (ungated == null) ? null : this.momentary.meanLoudnessFrom(ungated - 10.0);
	}

	/** Loudness range in LU (EBU Tech 3342); {@code null} when no short-term block passes the gates. */
	@Nullable Double loudnessRangeLu() {
		Double ungated = this.shortTerm.meanLoudnessFrom(ABSOLUTE_GATE);
		if (ungated == null) {
			return null;
		}
		double gate = ungated - 20.0;
		Double low = this.shortTerm.percentileFrom(gate, 0.10);
		Double high = this.shortTerm.percentileFrom(gate, 0.95);
		return (low == null || high == null) ? null : high - low;
	}

	static double loudnessOf(double energy) {
		return -0.691 + 10.0 * Math.log10(energy);
	}

}

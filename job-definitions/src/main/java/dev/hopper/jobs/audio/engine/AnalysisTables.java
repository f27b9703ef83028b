package dev.hopper.jobs.audio.engine;

/**
 * Everything the frame analysis derives from the sample rate alone: frame and hop sizes,
 * window, FFT, mel filter bank, DCT and pitch-class map. Rebuilt, never checkpointed.
 */
final class AnalysisTables {

	static final int MEL_BANDS = 40;

	static final int MFCC_COEFFICIENTS = 13;

	static final double MEL_HIGH_HZ = 11_000.0;

	static final double CHROMA_LOW_HZ = 100.0;

	static final double CHROMA_HIGH_HZ = 5_000.0;

	static final double PITCH_LOW_HZ = 50.0;

	static final double PITCH_HIGH_HZ = 2_000.0;

	final int sampleRate;

	final int frameSize;

	final int hop;

	final int bins;

	final double[] window;

	/** Scales |X|^2 so that a full-scale sine's peak bin reads about 0.25 (amplitude^2 / 4). */
	final double powerScale;

	final RealFft fft;

	final int[] melStart;

	final double[][] melWeights;

	final double[][] dct;

	final int chromaLowBin;

	final int chromaHighBin;

	final int pitchMinLag;

	final int pitchMaxLag;

	/** Autocorrelation of the window, to undo its taper in frame autocorrelations. */
	final double[] windowAutocorrelation;

	AnalysisTables(int sampleRate) {
		this.sampleRate = sampleRate;
		this.frameSize = frameSizeFor(sampleRate);
		this.hop = this.frameSize / 2;
		this.bins = this.frameSize / 2 + 1;
		this.window = new double[this.frameSize];
		double sum = 0;
		for (int i = 0; i < this.frameSize; i++) {
			this.window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / this.frameSize);
			sum += this.window[i];
		}
		this.powerScale = 1.0 / (sum * sum);
		this.fft = new RealFft(this.frameSize);
		this.melStart = new int[MEL_BANDS];
		this.melWeights = new double[MEL_BANDS][];
		buildMelBank();
		this.dct = new double[MFCC_COEFFICIENTS][MEL_BANDS];
		for (int i = 0; i < MFCC_COEFFICIENTS; i++) {
			double scale = Math.sqrt(((i == 0) ? 1.0 : 2.0) / MEL_BANDS);
			for (int b = 0; b < MEL_BANDS; b++) {
				this.dct[i][b] = scale * Math.cos(Math.PI * i * (b + 0.5) / MEL_BANDS);
			}
		}
		this.chromaLowBin = Math.max(1, (int) Math.ceil(CHROMA_LOW_HZ / binHz()));
		this.chromaHighBin = Math.min(this.bins - 2, (int) Math.floor(CHROMA_HIGH_HZ / binHz()));
		this.pitchMinLag = Math.max(2, (int) Math.floor(sampleRate / PITCH_HIGH_HZ));
		this.pitchMaxLag = Math.min((int) (0.4 * this.frameSize), (int) Math.ceil(sampleRate / PITCH_LOW_HZ));
		double[] windowPower = new double[this.bins];
		double[] re = new double[this.bins];
		double[] im = new double[this.bins];
		this.fft.forward(this.window, re, im);
		for (int k = 0; k < this.bins; k++) {
			windowPower[k] = re[k] * re[k] + im[k] * im[k];
		}
		this.windowAutocorrelation = new double[this.bins];
		this.fft.inverseOfEven(windowPower, this.windowAutocorrelation, new double[this.frameSize]);
	}

	/** About 46 ms: 2048 samples at 44.1 and 48 kHz, scaled by powers of two elsewhere. */
	static int frameSizeFor(int sampleRate) {
		double ideal = sampleRate * 2048.0 / 44_100.0;
		int exponent = (int) Math.round(Math.log(ideal) / Math.log(2));
		return 1 << Math.max(8, Math.min(15, exponent));
	}

	double binHz() {
		return (double) this.sampleRate / this.frameSize;
	}

	double frameRate() {
		return (double) this.sampleRate / this.hop;
	}

	private void buildMelBank() {
		double high = Math.min(MEL_HIGH_HZ, this.sampleRate / 2.0);
		double melHigh = mel(high);
		double[] edges = new double[MEL_BANDS + 2];
		for (int i = 0; i < edges.length; i++) {
			edges[i] = hz(melHigh * i / (MEL_BANDS + 1));
		}
		for (int b = 0; b < MEL_BANDS; b++) {
			double lower = edges[b];
			double centre = edges[b + 1];
			double upper = edges[b + 2];
			int first = (int) Math.ceil(lower / binHz());
			int last = Math.min(this.bins - 1, (int) Math.floor(upper / binHz()));
			double[] weights = new double[Math.max(0, last - first + 1)];
			double total = 0;
			for (int k = first; k <= last; k++) {
				double f = k * binHz();
				double w = (f <= centre) ? (f - lower) / (centre - lower) : (upper - f) / (upper - centre);
				weights[k - first] = Math.max(0, w);
				total += weights[k - first];
			}
			if (total == 0 && first <= this.bins - 1) {
				// a band narrower than one bin takes the nearest bin whole
				first = Math.min(this.bins - 1, (int) Math.round(centre / binHz()));
				weights = new double[] { 1.0 };
				total = 1.0;
			}
			for (int i = 0; i < weights.length; i++) {
				weights[i] /= total;
			}
			this.melStart[b] = first;
			this.melWeights[b] = weights;
		}
	}

	static double mel(double hz) {
		return 2595.0 * Math.log10(1.0 + hz / 700.0);
	}

	static double hz(double mel) {
		return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
	}

}

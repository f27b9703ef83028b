package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * The short-time analysis of the mono mix: Hann-windowed frames of
 * {@link AnalysisTables#frameSize} with 50% overlap. Per frame it measures zero-crossing
 * rate, spectral centroid, roll-off, flatness, MFCCs, chroma, onset flux and pitch, and
 * keeps only running statistics, so its state does not grow with the file.
 */
final class FrameAnalyzer implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Frames quieter than this (RMS, dBFS) are silence: they count for rhythm only. */
	static final double SILENCE_DBFS = -90.0;

	/** Frames quieter than this carry no pitch. */
	static final double PITCH_FLOOR_DBFS = -60.0;

	/** Largest normalised YIN dip that still counts as voiced. */
	static final double VOICING_THRESHOLD = 0.2;

	static final double ROLLOFF = 0.85;

	private static final double LOG_FLOOR = 1e-12;

	private final int sampleRate;

	private final double[] pending;

	private int fill;

	private boolean coveredTail;

	private long frames;

	private final RunningStats zeroCrossings = new RunningStats();

	private final RunningStats centroid = new RunningStats();

	private final RunningStats rolloff = new RunningStats();

	private final RunningStats flatness = new RunningStats();

	private final RunningStats[] mfcc = new RunningStats[AnalysisTables.MFCC_COEFFICIENTS];

	private final double[] chromaSum = new double[12];

	private long chromaFrames;

	private final double[] previousBands = new double[AnalysisTables.MEL_BANDS];

	private final OnsetDetector onsets = new OnsetDetector();

	private final TempoEstimator tempo;

	private final PitchHistogram pitch = new PitchHistogram();

	private transient Workspace work;

	FrameAnalyzer(int sampleRate) {
		this.sampleRate = sampleRate;
		AnalysisTables tables = new AnalysisTables(sampleRate);
		this.work = new Workspace(tables);
		this.pending = new double[tables.frameSize];
		for (int i = 0; i < this.mfcc.length; i++) {
			this.mfcc[i] = new RunningStats();
		}
		java.util.Arrays.fill(this.previousBands, 10 * Math.log10(LOG_FLOOR));
		this.tempo = new TempoEstimator(tables.frameRate());
	}

	@Serial
	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		this.work = new Workspace(new AnalysisTables(this.sampleRate));
	}

	/** Adds mono samples; every complete frame is analysed at once. */
	void accept(double[] mono, int count) {
		int size = this.pending.length;
		int hop = this.work.tables.hop;
		int offset = 0;
		while (offset < count) {
			int take = Math.min(count - offset, size - this.fill);
			System.arraycopy(mono, offset, this.pending, this.fill, take);
			this.fill += take;
			offset += take;
			this.coveredTail = false;
			if (this.fill == size) {
				analyse(this.pending);
				System.arraycopy(this.pending, hop, this.pending, 0, size - hop);
				this.fill = size - hop;
				this.coveredTail = true;
			}
		}
	}

	/** Analyses a last, zero-padded frame if samples remain that no frame has covered. */
	void finish() {
		if (!this.coveredTail && (this.fill > 0 || this.frames == 0)) {
			double[] last = new double[this.pending.length];
			System.arraycopy(this.pending, 0, last, 0, this.fill);
			analyse(last);
		}
		this.onsets.finish();
	}

	private void analyse(double[] frame) {
		this.frames++;
		Workspace w = this.work;
		AnalysisTables t = w.tables;
		int n = frame.length;
		double energy = frame[0] * frame[0];
		int crossings = 0;
		int previousSign = (frame[0] >= 0) ? 1 : 0;
		for (int i = 1; i < n; i++) {
			energy += frame[i] * frame[i];
			int sign = (frame[i] >= 0) ? 1 : 0;
			crossings += sign ^ previousSign;
			previousSign = sign;
		}
		double rmsDb = 10 * Math.log10(Math.max(energy / n, 1e-30));
		if (rmsDb < SILENCE_DBFS) {
			java.util.Arrays.fill(this.previousBands, 10 * Math.log10(LOG_FLOOR));
			this.onsets.accept(0.0);
			this.tempo.accept(0.0);
			return;
		}
		this.zeroCrossings.add((double) crossings / n);
		for (int i = 0; i < n; i++) {
			w.windowed[i] = frame[i] * t.window[i];
		}
		t.fft.forward(w.windowed, w.re, w.im);
		double magnitudeSum = 0;
		double weightedSum = 0;
		double powerSum = 0;
		double binHz = t.binHz();
		for (int k = 0; k < t.bins; k++) {
			double p = (w.re[k] * w.re[k] + w.im[k] * w.im[k]) * t.powerScale;
			double m = Math.sqrt(p);
			w.power[k] = p;
			w.magnitude[k] = m;
			magnitudeSum += m;
			weightedSum += m * k * binHz;
			powerSum += p;
		}
		this.centroid.add(weightedSum / magnitudeSum);
		this.rolloff.add(rolloffHz(w.power, powerSum, binHz));
		this.flatness.add(flatness(w.power, powerSum));
		double flux = melAndMfcc(t, w);
		this.onsets.accept(flux);
		this.tempo.accept(flux);
		chroma(t, w);
		// pitch on every other frame: a median needs no more, and it halves the inverse FFTs
		if (rmsDb >= PITCH_FLOOR_DBFS && (this.frames & 1) == 1) {
			pitch(t, w);
		}
	}

	private static double rolloffHz(double[] power, double total, double binHz) {
		double target = ROLLOFF * total;
		double cumulative = 0;
		for (int k = 0; k < power.length; k++) {
			cumulative += power[k];
			if (cumulative >= target) {
				return k * binHz;
			}
		}
		return (power.length - 1) * binHz;
	}

	/** Geometric over arithmetic mean of the power spectrum, logs summed by exponent. */
	private static double flatness(double[] power, double total) {
		double product = 1.0;
		long exponent = 0;
		for (double p : power) {
			product *= Math.max(p, LOG_FLOOR);
			int e = Math.getExponent(product);
			if (e < -500 || e > 500) {
				exponent += e;
				product = Math.scalb(product, -e);
			}
		}
		double logGeometric = (Math.log(product) + exponent * Math.log(2)) / power.length;
		double arithmetic = total / power.length;
		return Math.min(1.0, Math.exp(logGeometric) / Math.max(arithmetic, LOG_FLOOR));
	}

	private double melAndMfcc(AnalysisTables t, Workspace w) {
		double flux = 0;
		for (int b = 0; b < AnalysisTables.MEL_BANDS; b++) {
			double[] weights = t.melWeights[b];
			int start = t.melStart[b];
			double e = 0;
			for (int i = 0; i < weights.length; i++) {
				e += weights[i] * w.power[start + i];
			}
			double db = 10 * Math.log10(Math.max(e, LOG_FLOOR));
			flux += Math.max(0, db - this.previousBands[b]);
			this.previousBands[b] = db;
			w.bands[b] = db;
		}
		for (int i = 0; i < AnalysisTables.MFCC_COEFFICIENTS; i++) {
			double[] basis = t.dct[i];
			double c = 0;
			for (int b = 0; b < AnalysisTables.MEL_BANDS; b++) {
				c += basis[b] * w.bands[b];
			}
			this.mfcc[i].add(c);
		}
		return flux / AnalysisTables.MEL_BANDS;
	}

	/** Spectral peaks between 100 Hz and 5 kHz, each shared by its two nearest pitch classes. */
	private void chroma(AnalysisTables t, Workspace w) {
		double[] m = w.magnitude;
		double floor = 0;
		for (int k = t.chromaLowBin; k <= t.chromaHighBin; k++) {
			floor = Math.max(floor, m[k]);
		}
		floor *= 1e-4;
		java.util.Arrays.fill(w.chroma, 0.0);
		double largest = 0;
		for (int k = t.chromaLowBin; k <= t.chromaHighBin; k++) {
			if (m[k] <= floor || m[k] <= m[k - 1] || m[k] < m[k + 1]) {
				continue;
			}
			double a = Math.log(m[k - 1] + 1e-30);
			double b = Math.log(m[k] + 1e-30);
			double c = Math.log(m[k + 1] + 1e-30);
			double denominator = a - 2 * b + c;
			double offset = (denominator == 0) ? 0 : 0.5 * (a - c) / denominator;
			double hz = (k + offset) * t.binHz();
			double semitones = 12 * Math.log(hz / 440.0) / Math.log(2) + 9;
			double below = Math.floor(semitones);
			double fraction = semitones - below;
			// shared between the two nearest pitch classes, cos^2 over a two-semitone window
			double toBelow = Math.cos(Math.PI * fraction / 2);
			double toAbove = Math.sin(Math.PI * fraction / 2);
			int low = Math.floorMod((int) below, 12);
			int high = (low + 1) % 12;
			w.chroma[low] += toBelow * toBelow * w.power[k];
			w.chroma[high] += toAbove * toAbove * w.power[k];
			largest = Math.max(largest, Math.max(w.chroma[low], w.chroma[high]));
		}
		if (largest > 0) {
			for (int i = 0; i < 12; i++) {
				this.chromaSum[i] += w.chroma[i] / largest;
			}
			this.chromaFrames++;
		}
	}

	/**
	 * YIN's cumulative-mean-normalised difference, from the frame's autocorrelation (the
	 * inverse FFT of its power spectrum, divided by the window's own autocorrelation).
	 */
	private void pitch(AnalysisTables t, Workspace w) {
		t.fft.inverseOfEven(w.power, w.autocorrelation, w.windowed);
		double r0 = w.autocorrelation[0];
		double[] rw = t.windowAutocorrelation;
		double running = 0;
		int chosen = -1;
		double[] cmnd = w.cmnd;
		for (int lag = 1; lag <= t.pitchMaxLag + 1; lag++) {
			double r = w.autocorrelation[lag] * rw[0] / rw[lag];
			double d = 2 * (r0 - r);
			running += d;
			cmnd[lag] = (running <= 0) ? 1.0 : d * lag / running;
		}
		if (cmnd[t.pitchMinLag] < VOICING_THRESHOLD) {
			// already dipping at the shortest lag: the pitch is above the range
			return;
		}
		for (int lag = t.pitchMinLag + 1; lag <= t.pitchMaxLag; lag++) {
			if (cmnd[lag] < VOICING_THRESHOLD) {
				while (lag + 1 <= t.pitchMaxLag && cmnd[lag + 1] < cmnd[lag]) {
					lag++;
				}
				chosen = lag;
				break;
			}
		}
		if (chosen < 0) {
			return;
		}
		// a period that falls between lags can dip less than its double: look for it
		for (int divisor = 3; divisor >= 2; divisor--) {
			int sub = (int) Math.round((double) chosen / divisor);
			double dip = Math.min(cmnd[Math.max(1, sub - 1)], Math.min(cmnd[sub], cmnd[sub + 1]));
			if (dip < 1.5 * VOICING_THRESHOLD) {
				if (sub - 1 < t.pitchMinLag) {
					return;
				}
				chosen = (cmnd[sub - 1] < cmnd[sub]) ? sub - 1 : (cmnd[sub + 1] < cmnd[sub]) ? sub + 1 : sub;
				break;
			}
		}
		double a = cmnd[chosen - 1];
		double b = cmnd[chosen];
		double c = cmnd[chosen + 1];
		double denominator = a - 2 * b + c;
		double offset = (denominator == 0) ? 0 : 0.5 * (a - c) / denominator;
		this.pitch.add(this.sampleRate / (chosen + offset));
	}

	Summary summary() {
		double[] mfccMean = new double[this.mfcc.length];
		double[] mfccStd = new double[this.mfcc.length];
		for (int i = 0; i < this.mfcc.length; i++) {
			mfccMean[i] = this.mfcc[i].mean();
			mfccStd[i] = this.mfcc[i].std();
		}
		double[] chroma = new double[12];
		for (int i = 0; i < 12; i++) {
			chroma[i] = (this.chromaFrames == 0) ? 0 : this.chromaSum[i] / this.chromaFrames;
		}
		return new Summary(this.zeroCrossings, this.centroid, this.rolloff, this.flatness, mfccMean, mfccStd, chroma,
				this.onsets.onsets(), this.tempo.tempo(), this.pitch.medianHz(), KeyEstimator.estimate(chroma));
	}

	record Summary(RunningStats zeroCrossings, RunningStats centroid, RunningStats rolloff, RunningStats flatness,
			double[] mfccMean, double[] mfccStd, double[] chromaMean, long onsets,
			TempoEstimator.@Nullable Tempo tempo, @Nullable Double pitchMedianHz, KeyEstimator.@Nullable Key key) {
	}

	/** Per-frame scratch arrays, sized by the tables. */
	private static final class Workspace {

		final AnalysisTables tables;

		final double[] windowed;

		final double[] re;

		final double[] im;

		final double[] power;

		final double[] magnitude;

		final double[] bands = new double[AnalysisTables.MEL_BANDS];

		final double[] chroma = new double[12];

		final double[] autocorrelation;

		final double[] cmnd;

		Workspace(AnalysisTables tables) {
			this.tables = tables;
			this.windowed = new double[tables.frameSize];
			this.re = new double[tables.bins];
			this.im = new double[tables.bins];
			this.power = new double[tables.bins];
			this.magnitude = new double[tables.bins];
			this.autocorrelation = new double[tables.bins];
			this.cmnd = new double[tables.pitchMaxLag + 2];
		}

	}

}

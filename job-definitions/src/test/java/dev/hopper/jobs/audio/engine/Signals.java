package dev.hopper.jobs.audio.engine;

import java.util.Random;

/**
 * Test signals with answers known in closed form or by construction: sines, noise, click
 * tracks at a set tempo and chord cadences in a set key. Interleaved, full scale 1.
 */
public final class Signals {

	private Signals() {
	}

	public static double[] sine(int sampleRate, int channels, double seconds, double hertz, double amplitude,
			double phase) {
		int frames = (int) Math.round(seconds * sampleRate);
		double[] out = new double[frames * channels];
		for (int i = 0; i < frames; i++) {
			double v = amplitude * Math.sin(2 * Math.PI * hertz * i / sampleRate + phase);
			for (int c = 0; c < channels; c++) {
				out[i * channels + c] = v;
			}
		}
		return out;
	}

	public static double[] whiteNoise(int sampleRate, double seconds, double amplitude, long seed) {
		Random random = new Random(seed);
		double[] out = new double[(int) Math.round(seconds * sampleRate)];
		for (int i = 0; i < out.length; i++) {
			out[i] = amplitude * (2 * random.nextDouble() - 1);
		}
		return out;
	}

	/** Mono clicks (a 5 ms decaying 2 kHz burst) at {@code bpm}, over a quiet noise floor. */
	public static double[] clicks(int sampleRate, double seconds, double bpm) {
		double[] out = whiteNoise(sampleRate, seconds, 0.001, 7);
		double period = 60.0 * sampleRate / bpm;
		int burst = sampleRate / 200;
		for (double start = 0; start < out.length; start += period) {
			int s = (int) Math.round(start);
			for (int i = 0; i < burst && s + i < out.length; i++) {
				out[s + i] += 0.8 * Math.exp(-i / (burst / 5.0)) * Math.sin(2 * Math.PI * 2000 * i / sampleRate);
			}
		}
		return out;
	}

	/**
	 * A cadence (I-IV-V-I in major, i-iv-V-i in minor) in the key whose tonic is
	 * {@code tonic} semitones above C, as harmonic tones with a bass note, one chord a second.
	 */
	public static double[] cadence(int sampleRate, int tonic, boolean major, int repeats) {
		int[][] chords = major ? new int[][] { { 0, 4, 7 }, { 5, 9, 12 }, { 7, 11, 14 }, { 0, 4, 7 } }
				: new int[][] { { 0, 3, 7 }, { 5, 8, 12 }, { 7, 11, 14 }, { 0, 3, 7 } };
		int chordFrames = sampleRate;
		double[] out = new double[chords.length * repeats * chordFrames];
		for (int r = 0; r < repeats; r++) {
			for (int c = 0; c < chords.length; c++) {
				int offset = (r * chords.length + c) * chordFrames;
				for (int note : chords[c]) {
					addTone(out, offset, chordFrames, sampleRate, midiHz(60 + tonic + note), 0.08);
				}
				addTone(out, offset, chordFrames, sampleRate, midiHz(48 + tonic + chords[c][0]), 0.08);
			}
		}
		return out;
	}

	public static double midiHz(int note) {
		return 440.0 * Math.pow(2, (note - 69) / 12.0);
	}

	/** A tone with five decaying harmonics and a short attack and release. */
	public static void addTone(double[] out, int offset, int frames, int sampleRate, double hertz, double amplitude) {
		int ramp = sampleRate / 100;
		for (int i = 0; i < frames && offset + i < out.length; i++) {
			double envelope = Math.min(1.0, Math.min(i, frames - i) / (double) ramp);
			double v = 0;
			for (int h = 1; h <= 5; h++) {
				if (h * hertz < sampleRate / 2.0) {
					v += Math.sin(2 * Math.PI * h * hertz * i / sampleRate) / h;
				}
			}
			out[offset + i] += amplitude * envelope * v;
		}
	}

	/** Concatenates mono pieces. */
	public static double[] concat(double[]... pieces) {
		int length = 0;
		for (double[] p : pieces) {
			length += p.length;
		}
		double[] out = new double[length];
		int at = 0;
		for (double[] p : pieces) {
			System.arraycopy(p, 0, out, at, p.length);
			at += p.length;
		}
		return out;
	}

	public static AudioFeatures analyze(int sampleRate, int channels, double[] interleaved) {
		FeatureAnalyzer analyzer = new FeatureAnalyzer(new StreamInfo("wav", sampleRate, channels,
				interleaved.length / channels));
		int step = 40_000;
		for (int at = 0; at < interleaved.length / channels; at += step) {
			int frames = Math.min(step, interleaved.length / channels - at);
			double[] piece = new double[frames * channels];
			System.arraycopy(interleaved, at * channels, piece, 0, piece.length);
			analyzer.accept(piece, frames);
		}
		return analyzer.finish();
	}

}

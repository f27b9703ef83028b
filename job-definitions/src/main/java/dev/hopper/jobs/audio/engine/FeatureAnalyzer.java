package dev.hopper.jobs.audio.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import dev.hopper.jobs.audio.engine.FrameAnalyzer.Summary;

/**
 * The whole feature extraction as one streaming state machine: feed it the file's samples
 * in any number of pieces, then {@link #finish} it. Its state has a fixed size whatever
 * the file's length, and {@link #checkpoint()} / {@link #restore} carry it across a
 * restart, so analysis resumes exactly where the last committed segment left it.
 */
public final class FeatureAnalyzer implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final ObjectInputFilter OWN_STATE_ONLY = (info) -> {
		Class<?> type = info.serialClass();
		if (type == null) {
			return (info.depth() > 20 || info.references() > 10_000) ? ObjectInputFilter.Status.REJECTED
					: ObjectInputFilter.Status.UNDECIDED;
		}
		while (type.isArray()) {
			type = type.getComponentType();
		}
		boolean own = type.isPrimitive() || type.getName().startsWith(FeatureAnalyzer.class.getPackageName() + ".")
				|| type == String.class || type == Double.class || type == Number.class;
		return own ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
	};

	private final StreamInfo info;

	private final int channels;

	private long frames;

	private SignalLevels levels = SignalLevels.NONE;

	private final LoudnessMeter loudness;

	private final TruePeakMeter truePeak;

	private final FrameAnalyzer frameAnalyzer;

	private transient double[] mono;

	public FeatureAnalyzer(StreamInfo info) {
		this.info = info;
		this.channels = info.channels();
		this.loudness = new LoudnessMeter(info.sampleRate(), this.channels);
		this.truePeak = new TruePeakMeter(info.sampleRate(), this.channels);
		this.frameAnalyzer = new FrameAnalyzer(info.sampleRate());
	}

	public void accept(AudioSegment segment) {
		if (segment.channels() != this.channels) {
			throw new IllegalArgumentException("segment has " + segment.channels() + " channels, expected "
					+ this.channels);
		}
		accept(segment.samples(), segment.frames());
	}

	/** Adds {@code frames} interleaved frames of samples in [-1, 1]. */
	public void accept(double[] interleaved, int frames) {
		if (frames <= 0) {
			return;
		}
		this.levels = this.levels.with(interleaved, frames * this.channels);
		this.loudness.accept(interleaved, frames);
		this.truePeak.accept(interleaved, frames);
		if (this.mono == null || this.mono.length < frames) {
			this.mono = new double[frames];
		}
		double scale = 1.0 / this.channels;
		for (int i = 0, j = 0; i < frames; i++) {
			double sum = 0;
			for (int c = 0; c < this.channels; c++) {
				sum += interleaved[j++];
			}
			this.mono[i] = sum * scale;
		}
		this.frameAnalyzer.accept(this.mono, frames);
		this.frames += frames;
	}

	public long frames() {
		return this.frames;
	}

	/** The features of everything accepted. Ends this analyzer's life: accept no more after it. */
	public AudioFeatures finish() {
		this.frameAnalyzer.finish();
		Summary s = this.frameAnalyzer.summary();
		double duration = (double) this.frames / this.info.sampleRate();
		double truePeakDbtp = SignalLevels.decibels(this.truePeak.truePeak());
		return new AudioFeatures(duration, this.info.sampleRate(), this.channels, this.info.format(),
				new AudioFeatures.Loudness(this.loudness.integratedLufs(), this.loudness.loudnessRangeLu(),
						truePeakDbtp, this.levels.rmsDbfs(), this.levels.peakDbfs()),
				new AudioFeatures.Rhythm((s.tempo() == null) ? null : s.tempo().bpm(),
						(s.tempo() == null) ? 0.0 : s.tempo().confidence(),
						(duration > 0) ? s.onsets() / duration : 0.0),
				new AudioFeatures.Tonal((s.key() == null) ? null : s.key().key(),
						(s.key() == null) ? null : s.key().scale(), (s.key() == null) ? null : s.key().strength(),
						s.chromaMean()),
				new AudioFeatures.Spectral(AudioFeatures.Stat.of(s.centroid()), AudioFeatures.Stat.of(s.rolloff()),
						AudioFeatures.Stat.of(s.flatness()), AudioFeatures.Stat.of(s.zeroCrossings())),
				s.mfccMean(), s.mfccStd(), s.pitchMedianHz());
	}

	/** This analyzer's state, compressed: what a checkpoint stores. */
	public byte[] checkpoint() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeObject(this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The analyzer a {@link #checkpoint()} saved. Only this package's classes and
	 * primitive arrays are accepted, so a tampered checkpoint cannot instantiate anything else.
	 *
	 * @throws IllegalArgumentException if the bytes are not a checkpoint of this engine version
	 */
	public static FeatureAnalyzer restore(byte[] checkpoint) {
		try (ObjectInputStream in = new ObjectInputStream(
				new InflaterInputStream(new ByteArrayInputStream(checkpoint)))) {
			in.setObjectInputFilter(OWN_STATE_ONLY);
			return (FeatureAnalyzer) in.readObject();
		}
		catch (InvalidClassException | ClassNotFoundException | ClassCastException ex) {
			throw new IllegalArgumentException("Not a checkpoint of this engine version", ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Unreadable checkpoint", ex);
		}
	}

}

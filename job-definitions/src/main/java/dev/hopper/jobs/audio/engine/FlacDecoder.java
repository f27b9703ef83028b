package dev.hopper.jobs.audio.engine;

import java.io.InputStream;

import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/**
 * FLAC through jFLAC (org.jflac, LGPL), a pure-Java port of the reference decoder. A
 * frame whose CRC does not match, or a stream that stops before the sample count its
 * STREAMINFO declares, is {@code corrupt_audio} rather than silently zero-filled.
 */
final class FlacDecoder extends BufferedDecoder implements FrameListener {

	private final FLACDecoder flac;

	private String error;

	private long decoded;

	private int bitsPerSample;

	FlacDecoder(InputStream input) {
		super(input);
		this.flac = new FLACDecoder(input);
		this.flac.addFrameListener(this);
	}

	@Override
	StreamInfo readHeaders() throws Exception {
		this.flac.readMetadata();
		org.jflac.metadata.StreamInfo streamInfo = this.flac.getStreamInfo();
		if (streamInfo == null) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The FLAC stream has no STREAMINFO block");
		}
		this.bitsPerSample = streamInfo.getBitsPerSample();
		if (this.bitsPerSample < 4 || this.bitsPerSample > 32) {
			throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					"FLAC with " + this.bitsPerSample + " bits per sample is not supported");
		}
		long total = streamInfo.getTotalSamples();
		return StreamInfo.checked("flac", streamInfo.getSampleRate(), streamInfo.getChannels(),
				(total > 0) ? total : -1);
	}

	@Override
	int decodePacket() throws Exception {
		Frame frame = this.flac.readNextFrame();
		if (this.error != null) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO,
					"The FLAC stream is damaged near sample " + this.decoded + ": " + this.error);
		}
		int channels = info().channels();
		if (frame == null) {
			if (info().frames() > 0 && this.decoded < info().frames()) {
				throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The FLAC stream ends at sample " + this.decoded
						+ " of the " + info().frames() + " its header declares");
			}
			return -1;
		}
		if (frame.header.channels != channels) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "A FLAC frame changes the channel count");
		}
		int frames = frame.header.blockSize;
		double[] out = pendingBuffer(frames);
		double scale = 1.0 / (1L << (this.bitsPerSample - 1));
		for (int c = 0; c < channels; c++) {
			int[] samples = this.flac.getChannelData()[c].getOutput();
			for (int i = 0, j = c; i < frames; i++, j += channels) {
				out[j] = samples[i] * scale;
			}
		}
		this.decoded += frames;
		return frames;
	}

	@Override
	String formatName() {
		return "FLAC";
	}

	@Override
	public void processMetadata(Metadata metadata) {
	}

	@Override
	public void processFrame(Frame frame) {
	}

	@Override
	public void processError(String message) {
		if (this.error == null) {
			this.error = message;
		}
	}

}

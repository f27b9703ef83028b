package dev.hopper.jobs.audio.engine;

import java.io.BufferedInputStream;
import java.io.InputStream;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MPEG-1/2/2.5 Layer I-III through JLayer (LGPL), the long-standing pure-Java decoder.
 * Output is 16-bit, as JLayer produces it; the first frame fixes rate and channels.
 */
final class Mp3Decoder extends BufferedDecoder {

	private final Bitstream bitstream;

	private final Decoder decoder = new Decoder();

	private Header first;

	Mp3Decoder(InputStream input) {
		super(input);
		this.bitstream = new Bitstream(new BufferedInputStream(input, 64 * 1024));
	}

	@Override
	StreamInfo readHeaders() throws Exception {
		this.first = this.bitstream.readFrame();
		if (this.first == null) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The MP3 stream holds no audio frame");
		}
		int channels = (this.first.mode() == Header.SINGLE_CHANNEL) ? 1 : 2;
		return StreamInfo.checked("mp3", this.first.frequency(), channels, -1);
	}

	@Override
	int decodePacket() throws Exception {
		Header header = (this.first != null) ? this.first : this.bitstream.readFrame();
		this.first = null;
		if (header == null) {
			return -1;
		}
		SampleBuffer output = (SampleBuffer) this.decoder.decodeFrame(header, this.bitstream);
		this.bitstream.closeFrame();
		if (output.getSampleFrequency() != info().sampleRate() || output.getChannelCount() != info().channels()) {
			throw new AudioFailure(AudioFailure.UNSUPPORTED_FORMAT,
					"The MP3 stream changes sample rate or channel count midway");
		}
		short[] samples = output.getBuffer();
		int count = output.getBufferLength();
		double[] out = pendingBuffer(count / info().channels());
		for (int i = 0; i < count; i++) {
			out[i] = samples[i] / 32768.0;
		}
		return count / info().channels();
	}

	@Override
	String formatName() {
		return "MP3";
	}

}

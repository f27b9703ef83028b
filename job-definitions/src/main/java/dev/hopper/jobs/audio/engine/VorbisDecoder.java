package dev.hopper.jobs.audio.engine;

import java.io.InputStream;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * Ogg Vorbis through JOrbis (LGPL), the pure-Java port of libvorbis. Only the first
 * logical stream is decoded; an Ogg file carrying Opus, Speex or FLAC is
 * {@code unsupported_format}.
 */
final class VorbisDecoder extends BufferedDecoder {

	private static final int READ_SIZE = 16 * 1024;

	private final SyncState sync = new SyncState();

	private final StreamState stream = new StreamState();

	private final Page page = new Page();

	private final Packet packet = new Packet();

	private final Info vorbis = new Info();

	private final Comment comment = new Comment();

	private final DspState dsp = new DspState();

	private final Block block = new Block(this.dsp);

	private final float[][][] pcm = new float[1][][];

	private final int[] index;

	private boolean endOfInput;

	VorbisDecoder(InputStream input) {
		super(input);
		this.index = new int[StreamInfo.MAX_CHANNELS];
		this.sync.init();
	}

	@Override
	StreamInfo readHeaders() throws Exception {
		if (!nextPage()) {
			throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The Ogg stream has no pages");
		}
		this.stream.init(this.page.serialno());
		this.vorbis.init();
		this.comment.init();
		this.stream.pagein(this.page);
		for (int header = 0; header < 3; header++) {
			while (this.stream.packetout(this.packet) != 1) {
				if (!nextPage()) {
					throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The Ogg stream ends inside its headers");
				}
				this.stream.pagein(this.page);
			}
			if (this.vorbis.synthesis_headerin(this.comment, this.packet) < 0) {
				throw new AudioFailure((header == 0) ? AudioFailure.UNSUPPORTED_FORMAT : AudioFailure.CORRUPT_AUDIO,
						(header == 0) ? "The Ogg stream does not carry Vorbis audio"
								: "The Vorbis headers are damaged");
			}
		}
		StreamInfo info = StreamInfo.checked("ogg", this.vorbis.rate, this.vorbis.channels, -1);
		this.dsp.synthesis_init(this.vorbis);
		this.block.init(this.dsp);
		return info;
	}

	@Override
	int decodePacket() throws Exception {
		while (true) {
			int available = this.dsp.synthesis_pcmout(this.pcm, this.index);
			if (available > 0) {
				return drain(available);
			}
			int result = this.stream.packetout(this.packet);
			if (result == 1) {
				if (this.block.synthesis(this.packet) == 0) {
					this.dsp.synthesis_blockin(this.block);
				}
				continue;
			}
			if (result < 0) {
				throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The Ogg stream has a gap or a damaged page");
			}
			if (this.stream.e_o_s != 0 || !nextPage()) {
				return -1;
			}
			this.stream.pagein(this.page);
		}
	}

	private int drain(int frames) {
		int channels = info().channels();
		double[] out = pendingBuffer(frames);
		for (int c = 0; c < channels; c++) {
			float[] samples = this.pcm[0][c];
			int offset = this.index[c];
			for (int i = 0, j = c; i < frames; i++, j += channels) {
				out[j] = samples[offset + i];
			}
		}
		this.dsp.synthesis_read(frames);
		return frames;
	}

	/** The next page of the stream, reading input as needed; false at the end. */
	private boolean nextPage() throws java.io.IOException {
		while (true) {
			int result = this.sync.pageout(this.page);
			if (result == 1) {
				return true;
			}
			if (result < 0) {
				throw new AudioFailure(AudioFailure.CORRUPT_AUDIO, "The Ogg stream has a damaged page");
			}
			if (this.endOfInput) {
				return false;
			}
			int offset = this.sync.buffer(READ_SIZE);
			int read = input().read(this.sync.data, offset, READ_SIZE);
			if (read <= 0) {
				this.endOfInput = true;
				this.sync.wrote(0);
			}
			else {
				this.sync.wrote(read);
			}
		}
	}

	@Override
	String formatName() {
		return "Ogg Vorbis";
	}

}

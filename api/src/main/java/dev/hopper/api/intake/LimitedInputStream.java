package dev.hopper.api.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes and fails the read that would pass the limit, remembering that it did. */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	private boolean exceeded;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) throws IOException {
		this.count += n;
		if (this.count > this.limit) {
			this.exceeded = true;
			throw new IOException("Upload exceeds " + this.limit + " bytes");
		}
	}

	long count() {
		return this.count;
	}

	boolean exceeded() {
		return this.exceeded;
	}

}

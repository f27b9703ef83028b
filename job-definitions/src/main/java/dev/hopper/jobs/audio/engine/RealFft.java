package dev.hopper.jobs.audio.engine;

/**
 * Fast Fourier transform of real frames whose length is a power of two: a complex FFT of
 * half the length over the even/odd samples, then one split pass. Tables are built once;
 * an instance is not thread-safe (it owns its work arrays).
 */
final class RealFft {

	private final int size;

	private final int half;

	private final int[] bitReversed;

	private final double[] twiddleRe;

	private final double[] twiddleIm;

	private final double[] splitRe;

	private final double[] splitIm;

	private final double[] workRe;

	private final double[] workIm;

	private final double[] inverseImaginary;

	RealFft(int size) {
		if (size < 8 || Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("FFT size must be a power of two >= 8: " + size);
		}
		this.size = size;
		this.half = size / 2;
		this.bitReversed = new int[this.half];
		int bits = Integer.numberOfTrailingZeros(this.half);
		for (int i = 0; i < this.half; i++) {
			this.bitReversed[i] = (bits == 0) ? 0 : Integer.reverse(i) >>> (32 - bits);
		}
		// the twiddles of the pass over blocks of 2 * span sit at [span, 2 * span), so each
		// pass reads them contiguously (which lets the JIT vectorise the butterflies)
		this.twiddleRe = new double[this.half];
		this.twiddleIm = new double[this.half];
		for (int span = 4; span < this.half; span <<= 1) {
			for (int j = 0; j < span; j++) {
				this.twiddleRe[span + j] = Math.cos(Math.PI * j / span);
				this.twiddleIm[span + j] = -Math.sin(Math.PI * j / span);
			}
		}
		this.splitRe = new double[this.half + 1];
		this.splitIm = new double[this.half + 1];
		for (int k = 0; k <= this.half; k++) {
			this.splitRe[k] = Math.cos(2 * Math.PI * k / size);
			this.splitIm[k] = -Math.sin(2 * Math.PI * k / size);
		}
		this.workRe = new double[this.half];
		this.workIm = new double[this.half];
		this.inverseImaginary = new double[this.half + 1];
	}

	int size() {
		return this.size;
	}

	/**
	 * The spectrum of {@code frame}: bins 0 to size/2 inclusive into {@code re} and
	 * {@code im} (each at least size/2 + 1 long).
	 */
	void forward(double[] frame, double[] re, double[] im) {
		double[] zr = this.workRe;
		double[] zi = this.workIm;
		for (int i = 0; i < this.half; i++) {
			int j = this.bitReversed[i];
			zr[j] = frame[2 * i];
			zi[j] = frame[2 * i + 1];
		}
		complexInPlace(zr, zi);
		for (int k = 0; k <= this.half; k++) {
			int a = (k == this.half) ? 0 : k;
			int b = (k == 0) ? 0 : this.half - k;
			double ar = zr[a];
			double ai = zi[a];
			double br = zr[b];
			double bi = -zi[b];
			double evenRe = 0.5 * (ar + br);
			double evenIm = 0.5 * (ai + bi);
			double oddRe = 0.5 * (ai - bi);
			double oddIm = -0.5 * (ar - br);
			double wr = this.splitRe[k];
			double wi = this.splitIm[k];
			re[k] = evenRe + wr * oddRe - wi * oddIm;
			im[k] = evenIm + wr * oddIm + wi * oddRe;
		}
	}

	/**
	 * The inverse transform of a real, even spectrum given as bins 0 to size/2 (a power
	 * spectrum, say): lags 0 to size/2 of its autocorrelation into {@code out}.
	 */
	void inverseOfEven(double[] spectrum, double[] out, double[] scratch) {
		// An even spectrum's inverse is its forward transform over the mirrored bins, divided by n.
		scratch[0] = spectrum[0];
		scratch[this.half] = spectrum[this.half];
		for (int k = 1; k < this.half; k++) {
			scratch[k] = spectrum[k];
			scratch[this.size - k] = spectrum[k];
		}
		forward(scratch, out, this.inverseImaginary);
		double scale = 1.0 / this.size;
		for (int k = 0; k <= this.half; k++) {
			out[k] *= scale;
		}
	}

	private void complexInPlace(double[] re, double[] im) {
		int n = this.half;
		// spans 1 and 2 as one radix-4 pass: their twiddles are 1 and -i
		for (int a = 0; a + 3 < n; a += 4) {
			double r0 = re[a] + re[a + 1];
			double i0 = im[a] + im[a + 1];
			double r1 = re[a] - re[a + 1];
			double i1 = im[a] - im[a + 1];
			double r2 = re[a + 2] + re[a + 3];
			double i2 = im[a + 2] + im[a + 3];
			double r3 = re[a + 2] - re[a + 3];
			double i3 = im[a + 2] - im[a + 3];
			re[a] = r0 + r2;
			im[a] = i0 + i2;
			re[a + 2] = r0 - r2;
			im[a + 2] = i0 - i2;
			// (r3 + i i3) * -i = i3 - i r3
			re[a + 1] = r1 + i3;
			im[a + 1] = i1 - r3;
			re[a + 3] = r1 - i3;
			im[a + 3] = i1 + r3;
		}
		double[] twRe = this.twiddleRe;
		double[] twIm = this.twiddleIm;
		int span = 4;
		// spans s and 2s as one radix-2^2 pass: half the trips over the arrays
		for (; 4 * span <= n; span <<= 2) {
			for (int base = 0; base < n; base += 4 * span) {
				for (int j = 0; j < span; j++) {
					int i0 = base + j;
					int i1 = i0 + span;
					int i2 = i1 + span;
					int i3 = i2 + span;
					double w1r = twRe[span + j];
					double w1i = twIm[span + j];
					double w2r = twRe[2 * span + j];
					double w2i = twIm[2 * span + j];
					double t1r = w1r * re[i1] - w1i * im[i1];
					double t1i = w1r * im[i1] + w1i * re[i1];
					double t3r = w1r * re[i3] - w1i * im[i3];
					double t3i = w1r * im[i3] + w1i * re[i3];
					double u0r = re[i0] + t1r;
					double u0i = im[i0] + t1i;
					double u1r = re[i0] - t1r;
					double u1i = im[i0] - t1i;
					double u2r = re[i2] + t3r;
					double u2i = im[i2] + t3i;
					double u3r = re[i2] - t3r;
					double u3i = im[i2] - t3i;
					double vr = w2r * u2r - w2i * u2i;
					double vi = w2r * u2i + w2i * u2r;
					// the second pair's twiddle is w2 * -i
					double qr = w2r * u3r - w2i * u3i;
					double qi = w2r * u3i + w2i * u3r;
					re[i0] = u0r + vr;
					im[i0] = u0i + vi;
					re[i2] = u0r - vr;
					im[i2] = u0i - vi;
					re[i1] = u1r + qi;
					im[i1] = u1i - qr;
					re[i3] = u1r - qi;
					im[i3] = u1i + qr;
				}
			}
		}
		if (span < n) {
			for (int a = 0; a < span; a++) {
				int b = a + span;
				double tr = twRe[span + a] * re[b] - twIm[span + a] * im[b];
				double ti = twRe[span + a] * im[b] + twIm[span + a] * re[b];
				re[b] = re[a] - tr;
				im[b] = im[a] - ti;
				re[a] += tr;
				im[a] += ti;
			}
		}
	}

}

package dev.hopper.jobs.audio.engine;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The FFT against the plain O(n^2) DFT, at sizes that use each of its passes. */
class RealFftTests {

	@ParameterizedTest
	@ValueSource(ints = { 8, 16, 32, 64, 128, 512, 2048, 4096 })
	void forwardMatchesTheDefinition(int size) {
		double[] frame = new Random(size).doubles(size, -1, 1).toArray();
		double[] re = new double[size / 2 + 1];
		double[] im = new double[size / 2 + 1];
		new RealFft(size).forward(frame, re, im);
		for (int k = 0; k <= size / 2; k++) {
			double sumRe = 0;
			double sumIm = 0;
			for (int n = 0; n < size; n++) {
				sumRe += frame[n] * Math.cos(2 * Math.PI * k * n / size);
				sumIm -= frame[n] * Math.sin(2 * Math.PI * k * n / size);
			}
			assertThat(re[k]).as("re[%d]", k).isCloseTo(sumRe, within(1e-9 * size));
			assertThat(im[k]).as("im[%d]", k).isCloseTo(sumIm, within(1e-9 * size));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 8, 64, 2048 })
	void inverseOfAPowerSpectrumIsTheCircularAutocorrelation(int size) {
		double[] frame = new Random(size + 1).doubles(size, -1, 1).toArray();
		double[] re = new double[size / 2 + 1];
		double[] im = new double[size / 2 + 1];
		RealFft fft = new RealFft(size);
		fft.forward(frame, re, im);
		double[] power = new double[size / 2 + 1];
		for (int k = 0; k <= size / 2; k++) {
			power[k] = re[k] * re[k] + im[k] * im[k];
		}
		double[] autocorrelation = new double[size / 2 + 1];
		fft.inverseOfEven(power, autocorrelation, new double[size]);
		for (int lag = 0; lag <= size / 2; lag++) {
			double sum = 0;
			for (int n = 0; n < size; n++) {
				sum += frame[n] * frame[(n + lag) % size];
			}
			assertThat(autocorrelation[lag]).as("lag %d", lag).isCloseTo(sum, within(1e-9 * size));
		}
	}

}

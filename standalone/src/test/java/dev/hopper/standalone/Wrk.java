package dev.hopper.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package) as a load generator in a process of its own: each connection sends
 * its next request when the last is answered, and wrk's own latency distribution is read back.
 */
final class Wrk {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private Wrk() {
	}

	/** {@code connections} connections on two threads for {@code seconds}, presenting {@code key}. */
	static Result run(String url, String key, int connections, int seconds) throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
				"-H", "X-API-Key: " + key, url))
			.redirectErrorStream(true)
			.start();
		String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		Matcher failed = NON_2XX.matcher(out);
		if (failed.find()) {
			throw new IllegalStateException(url + ": " + failed.group(1) + " answers were not 2xx\n" + out);
		}
		Matcher rate = RATE.matcher(out);
		if (!rate.find()) {
			throw new IllegalStateException("wrk printed no rate: " + out);
		}
		return new Result(Double.parseDouble(rate.group(1)), percentile(out, "50%"), percentile(out, "99%"));
	}

	private static double percentile(String out, String label) {
		Matcher line = Pattern.compile("\\s" + label + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
		if (!line.find()) {
			throw new IllegalStateException("wrk printed no " + label + ": " + out);
		}
		double value = Double.parseDouble(line.group(1));
		return switch (line.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	/** Requests per second, and latencies in milliseconds. */
	record Result(double perSecond, double p50, double p99) {

		@Override
		public String toString() {
			return String.format("%,.0f/s, p50 %.1f ms, p99 %.1f ms", this.perSecond, this.p50, this.p99);
		}

	}

}

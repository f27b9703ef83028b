package dev.hopper.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 19's numbers (tools/benchmarks/cli): {@code hopper upload} of small files at
 * {@code --concurrency 16} against the platform benchmark's intake loader (16 uploads at a
 * time over plain {@code java.net.http}, no client library) on the same standalone server,
 * in the same run; and the CLI's live heap (after each GC) without a manifest and with a
 * 100,000-line one.
 */
public final class CliBenchmark {

	private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

	private CliBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int files = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000;
		Path work = Files.createTempDirectory("hopper-cli-benchmark");
		try (StandaloneServer server = StandaloneServer.start(work, "--hopper.admission.intake-per-minute=10000000")) {
			Path warmUp = folder(work.resolve("warm-up"), 300, 100);
			Path loaded = folder(work.resolve("loaded"), files, 2_000);
			Path cli = folder(work.resolve("cli"), files, 4_000);
			Path withManifest = folder(work.resolve("manifest"), files, 6_000);
			loader(server.url(), warmUp);
			awaitIdle(server.url());

			double loaderRate = files / loader(server.url(), loaded);
			awaitIdle(server.url());
			Measured plain = hopper(server.url(), cli, work.resolve("cli.jsonl"), work.resolve("cli-gc.log"));
			awaitIdle(server.url());
			Path manifest = work.resolve("big.jsonl");
			Files.writeString(manifest, earlierLines(100_000));
			Measured big = hopper(server.url(), withManifest, manifest, work.resolve("big-gc.log"));

			double cliRate = files / plain.seconds();
			System.out.println("| # | measured | baseline, same run | ratio | target |");
			System.out.println("|---|---|---|---|---|");
			System.out.printf(Locale.ROOT, "| 1 | `hopper upload` of %,d 8 KB WAVs, `--concurrency 16`: %.1f s, %.0f files/s "
					+ "(its JVM's start included) | the platform benchmark's loader, 16 uploads at a time, other files of "
					+ "the same size: %.0f files/s | %.2f× | ≥ 0.8× |%n", files, plain.seconds(), cliRate, loaderRate,
					cliRate / loaderRate);
			System.out.printf(Locale.ROOT, "| 2 | the CLI's live heap, most after any GC (-Xmx256m): %d MB for %,d files "
					+ "and an empty manifest; %d MB for %,d files and a 100,000-line manifest (%.1f s) | | | flat |%n",
					plain.liveMegabytes(), files, big.liveMegabytes(), files, big.seconds());
		}
	}

	private static Path folder(Path folder, int files, int firstTone) throws IOException {
		Files.createDirectories(folder);
		for (int i = 0; i < files; i++) {
			// 0.5 s at 8 kHz: 8,044 bytes; every file a different tone, so no result is reused
			Files.write(folder.resolve(String.format("%05d.wav", i)), StandaloneServer.wav(0.5, 100 + (firstTone + i) % 3_000));
		}
		return folder;
	}

	/** Seconds to upload every file of {@code folder}, 16 at a time. */
	private static double loader(String url, Path folder) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Path> paths;
		try (var list = Files.list(folder)) {
			paths = list.sorted().toList();
		}
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		long started = System.nanoTime();
		List<Future<?>> uploaders = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			uploaders.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
					String boundary = UUID.randomUUID().toString();
					byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
							+ paths.get(i).getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8);
					byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
					HttpResponse<String> answer = http.send(HttpRequest
						.newBuilder(URI.create(url + "/api/v1/tasks?type=audio-features"))
						.header("X-API-Key", StandaloneServer.KEY)
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
								HttpRequest.BodyPublishers.ofFile(paths.get(i)),
								HttpRequest.BodyPublishers.ofByteArray(tail)))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (answer.statusCode() != 202) {
						throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> uploader : uploaders) {
			uploader.get();
		}
		pool.shutdown();
		return (System.nanoTime() - started) / 1e9;
	}

	private static Measured hopper(String url, Path folder, Path manifest, Path gcLog) throws Exception {
		List<String> command = List.of(StandaloneServer.java(), "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-cp",
				System.getProperty("java.class.path"), Hopper.class.getName(), "upload", folder.toString(), "--type",
				"audio-features", "--concurrency", "16", "--manifest", manifest.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("HOPPER_URL", url);
		builder.environment().put("HOPPER_API_KEY", StandaloneServer.KEY);
		long started = System.nanoTime();
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("hopper upload exited " + process.exitValue() + ": " + output);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long live = 0;
		Matcher after = AFTER_GC.matcher(Files.readString(gcLog));
		while (after.find()) {
			live = Math.max(live, Long.parseLong(after.group(1)));
		}
		return new Measured(seconds, live);
	}

	/** Lines of a manifest from runs long ago, about files elsewhere. */
	private static String earlierLines(int lines) {
		StringBuilder earlier = new StringBuilder();
		for (int i = 0; i < lines; i++) {
			earlier.append(String.format(Locale.ROOT, "{\"path\":\"/elsewhere/file-%d.wav\",\"size\":16044,"
					+ "\"modified\":%d,\"sha256\":\"%064x\",\"type\":\"audio-features\",\"params\":\"{}\","
					+ "\"taskId\":\"01a24000-0000-7000-8000-%012d\"}%n", i, 1_700_000_000_000L + i, i, i));
		}
		return earlier.toString();
	}

	private static void awaitIdle(String url) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		while (true) {
			String page = http.send(HttpRequest
				.newBuilder(URI.create(url + "/api/v1/tasks?state=QUEUED,RUNNING&pageSize=1"))
				.header("X-API-Key", StandaloneServer.KEY)
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			if (page.contains("\"total\":{\"count\":0,")) {
				return;
			}
			Thread.sleep(200);
		}
	}

	private record Measured(double seconds, long liveMegabytes) {
	}

}

package dev.hopper.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Standalone Hopper started from its jar (built before this module) as a process of its own, on loopback. */
final class StandaloneServer implements AutoCloseable {

	static final String KEY = "hop_cli-test-key";

	static final String ADMIN_KEY = "hop_cli-test-admin-key";

	private final Process process;

	private final String url;

	private StandaloneServer(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/** Starts it with its data under {@code work}, and waits until it is healthy. */
	static StandaloneServer start(Path work, String... settings) throws IOException, InterruptedException {
		Path jar = Path.of("..", "standalone", "target", "hopper-standalone.jar").toAbsolutePath().normalize();
		if (!jar.toFile().isFile()) {
			throw new IllegalStateException("standalone's jar is built before this module: " + jar);
		}
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-jar", jar.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1", "--hopper.auth.development-key=" + KEY,
				"--hopper.auth.admin-key=" + ADMIN_KEY));
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("server.log").toFile());
		builder.environment().put("HOPPER_DATA_DIR", work.resolve("data").toString());
		StandaloneServer server = new StandaloneServer(builder.start(), "http://127.0.0.1:" + port);
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(server.url + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return server;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			if (!server.process.isAlive() || Instant.now().isAfter(deadline)) {
				server.close();
				throw new IllegalStateException("standalone did not start: see " + work.resolve("server.log"));
			}
			Thread.sleep(500);
		}
	}

	String url() {
		return this.url;
	}

	/** A mono 16-bit 8 kHz sine, written here so the tests need no other module's fixtures. */
	static byte[] wav(double seconds, double hertz) {
		int rate = 8_000;
		int frames = (int) Math.round(seconds * rate);
		ByteBuffer out = ByteBuffer.allocate(44 + 2 * frames).order(ByteOrder.LITTLE_ENDIAN);
		out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * frames)
			.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
			.putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16)
			.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * frames);
		for (int i = 0; i < frames; i++) {
			out.putShort((short) Math.round(0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * hertz * i / rate)));
		}
		return out.array();
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}

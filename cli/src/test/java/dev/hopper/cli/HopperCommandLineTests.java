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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command as a user runs it: its own process, against standalone Hopper started from
 * its jar (built before this module), on loopback. Exit codes, refusals listed, results
 * written, and a second run that sends nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HopperCommandLineTests {

	private static final String KEY = "hop_cli-test-key";

	private static final String ADMIN_KEY = "hop_cli-test-admin-key";

	private Process server;

	private String url;

	private Path work;

	@BeforeAll
	void startHopper() throws Exception {
		Path jar = Path.of("..", "standalone", "target", "hopper-standalone.jar").toAbsolutePath().normalize();
		assertThat(jar).as("standalone's jar, built before this module").exists();
		this.work = Files.createTempDirectory("hopper-cli");
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		this.url = "http://127.0.0.1:" + port;
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--hopper.auth.development-key=" + KEY,
				"--hopper.auth.admin-key=" + ADMIN_KEY)
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("server.log").toFile());
		builder.environment().put("HOPPER_DATA_DIR", this.work.resolve("data").toString());
		this.server = builder.start();
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(this.url + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					break;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			assertThat(this.server.isAlive()).as("the server runs: see " + this.work.resolve("server.log")).isTrue();
			assertThat(Instant.now()).as("the server answers within 3 minutes").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	@AfterAll
	void stopHopper() throws InterruptedException {
		if (this.server != null) {
			this.server.destroy();
			if (!this.server.waitFor(60, TimeUnit.SECONDS)) {
				this.server.destroyForcibly();
			}
		}
	}

	@Test
	void aFolderGoesUpOnceItsRefusalsAreListedAndItsResultsWritten() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("folder/nested"));
		for (int i = 0; i < 6; i++) {
			Files.write(folder.resolve("tone-" + i + ".wav"), wav(0.3 + 0.1 * i, 400 + 50 * i));
		}
		Files.writeString(folder.getParent().resolve("notes.txt"), "not audio");
		Path results = this.work.resolve("results");
		Path manifest = this.work.resolve("manifest.jsonl");

		Run first = hopper("upload", folder.getParent().toString(), "--type", "audio-features", "--out",
				results.toString(), "--manifest", manifest.toString(), "--concurrency", "3");

		assertThat(first.exit()).as(first.output()).isEqualTo(1);
		assertThat(first.output()).contains("6 sent, 1 refused, 0 failed").containsPattern("refused .*notes.txt");
		assertThat(first.lines("queued ")).hasSize(6);
		assertThat(first.lines("succeeded ")).hasSize(6);
		try (var written = Files.list(results)) {
			assertThat(written.map((file) -> file.getFileName().toString()).sorted().toList()).containsExactly(
					"tone-0.wav.json", "tone-1.wav.json", "tone-2.wav.json", "tone-3.wav.json", "tone-4.wav.json",
					"tone-5.wav.json");
		}
		assertThat(Files.readString(results.resolve("tone-2.wav.json"))).contains("\"durationSec\" : 0.5");

		Run again = hopper("upload", folder.getParent().toString(), "--type", "audio-features", "--manifest",
				manifest.toString(), "--json");

		assertThat(again.lines("{\"event\":\"skipped\"")).as(again.output()).hasSize(6);
		assertThat(again.output()).as("nothing sent twice").doesNotContain("\"queued\"");
		assertThat(again.lines("{\"sent\":6,\"refused\":[")).hasSize(1);
		assertThat(again.exit()).as("the refused file is still refused").isEqualTo(1);
	}

	@Test
	void exitCodesTellUsageRefusalAndAnUnreachableServerApart() throws Exception {
		Path file = Files.write(this.work.resolve("one.wav"), wav(0.2, 300));

		assertThat(hopper("upload", file.toString()).exit()).as("no --type").isEqualTo(2);
		Run refused = hopper(Map.of("HOPPER_API_KEY", "hop_not-a-key"), "upload", file.toString(), "--type",
				"audio-features", "--manifest", this.work.resolve("m2.jsonl").toString());
		assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
		assertThat(refused.output()).doesNotContain("hop_not-a-key");
		Run unreachable = hopper(Map.of("HOPPER_URL", "http://127.0.0.1:1"), "status", "some-task");
		assertThat(unreachable.exit()).as(unreachable.output()).isEqualTo(4);
	}

	@Test
	void operatorsReadQueuesWorkersAndEveryTenantsTasksWithTheAdminKey() throws Exception {
		Path file = Files.write(this.work.resolve("operator.wav"), wav(0.25, 350));
		Run upload = hopper("upload", file.toString(), "--type", "audio-features", "--wait", "--manifest",
				this.work.resolve("m3.jsonl").toString());
		assertThat(upload.exit()).as(upload.output()).isZero();
		String[] queued = upload.lines("queued ").get(0).split(" ");
		String taskId = queued[queued.length - 1];

		Run queues = hopper(Map.of("HOPPER_API_KEY", ADMIN_KEY), "queues");
		assertThat(queues.exit()).as(queues.output()).isZero();
		assertThat(queues.output()).contains("audio-features");
		Run workers = hopper(Map.of("HOPPER_API_KEY", ADMIN_KEY), "workers");
		assertThat(workers.exit()).as(workers.output()).isZero();
		assertThat(workers.output()).contains("\"state\"");
		Run everyones = hopper(Map.of("HOPPER_API_KEY", ADMIN_KEY), "tasks", "--all-tenants", "--state", "SUCCEEDED");
		assertThat(everyones.exit()).as(everyones.output()).isZero();
		assertThat(everyones.output()).contains(taskId).doesNotContain("\"QUEUED\"");
		Run mine = hopper("tasks", "--type", "audio-features");
		assertThat(mine.exit()).as(mine.output()).isZero();
		assertThat(mine.output()).contains(taskId);

		Path results = this.work.resolve("by-task");
		Run written = hopper("results", taskId, "no-such-task", "--out", results.toString());
		assertThat(written.exit()).as("one has no result: " + written.output()).isEqualTo(1);
		assertThat(Files.readString(results.resolve(taskId + ".json"))).contains("\"durationSec\" : 0.25");
		assertThat(written.output()).contains("no result no-such-task task_not_found");

		Run noBatch = hopper("redrive", "01a24000-0000-7000-8000-000000000000");
		assertThat(noBatch.exit()).as(noBatch.output()).isEqualTo(3);
		assertThat(noBatch.output()).contains("batch_not_found");

		Run notAnOperator = hopper("queues");
		assertThat(notAnOperator.exit()).as("a tenant's key is refused: " + notAnOperator.output()).isEqualTo(3);
	}

	private Run hopper(String... args) throws Exception {
		return hopper(Map.of(), args);
	}

	private Run hopper(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				Hopper.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("HOPPER_URL", this.url);
		builder.environment().put("HOPPER_API_KEY", KEY);
		builder.environment().put("XDG_CONFIG_HOME", this.work.resolve("config").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A mono 16-bit 8 kHz sine, written here so the test needs no other module's fixtures. */
	private static byte[] wav(double seconds, double hertz) {
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

	private record Run(int exit, String output) {

		List<String> lines(String prefix) {
			return this.output.lines().filter((line) -> line.startsWith(prefix)).toList();
		}

	}

}

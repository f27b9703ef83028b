package dev.hopper.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

	private static final String KEY = StandaloneServer.KEY;

	private static final String ADMIN_KEY = StandaloneServer.ADMIN_KEY;

	private StandaloneServer server;

	private String url;

	private Path work;

	@BeforeAll
	void startHopper() throws Exception {
		this.work = Files.createTempDirectory("hopper-cli");
		this.server = StandaloneServer.start(this.work, "--hopper.admission.intake-per-minute=100000",
				"--hopper.admission.tenant-intake-per-minute.stormy=30");
		this.url = this.server.url();
	}

	@AfterAll
	void stopHopper() throws InterruptedException {
		if (this.server != null) {
			this.server.close();
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
		try (var written = Files.list(results.resolve("nested"))) {
			assertThat(written.map((file) -> file.getFileName().toString()).sorted().toList())
				.as("the folders mirrored")
				.containsExactly("tone-0.wav.json", "tone-1.wav.json", "tone-2.wav.json", "tone-3.wav.json",
						"tone-4.wav.json", "tone-5.wav.json");
		}
		assertThat(Files.readString(results.resolve("nested/tone-2.wav.json"))).contains("\"durationSec\" : 0.5");

		Run again = hopper("upload", folder.getParent().toString(), "--type", "audio-features", "--manifest",
				manifest.toString(), "--json");

		assertThat(again.lines("{\"event\":\"skipped\"")).as(again.output()).hasSize(6);
		assertThat(again.output()).as("nothing sent twice").doesNotContain("\"queued\"");
		assertThat(again.lines("{\"sent\":0,\"skipped\":6,\"refused\":[")).hasSize(1);
		assertThat(again.exit()).as("the refused file is still refused").isEqualTo(1);

		Run glob = hopper("upload", folder.getParent() + "/**.wav", "--type", "audio-features", "--manifest",
				manifest.toString());
		assertThat(glob.exit()).as("a glob of the six WAVs, all sent before: " + glob.output()).isZero();
		assertThat(glob.lines("skipped ")).hasSize(6);
		assertThat(hopper("upload", folder.getParent() + "/**.flac", "--type", "audio-features").exit())
			.as("a glob that matches nothing").isEqualTo(2);
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

	@Test
	void theOutputWithoutATerminalIsOneLinePerEventThenTheSummary() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("exact"));
		Path good = Files.write(folder.resolve("a.wav"), wav(0.2, 510));
		Path bad = Files.writeString(folder.resolve("b.txt"), "not audio");

		Run run = hopper("upload", folder.toString(), "--type", "audio-features", "--concurrency", "1", "--manifest",
				this.work.resolve("exact.jsonl").toString());

		String taskId = run.output().lines().findFirst().orElseThrow().replaceAll(".* ", "");
		assertThat(run.output().lines().toList()).containsExactly(
				"queued " + good + " " + taskId,
				"refused " + bad + " unsupported_format",
				"1 sent, 1 refused",
				"refused " + bad + ": " + refusalOf(run, bad));
		assertThat(run.exit()).isEqualTo(1);
		assertThat(get("/api/v1/tasks/" + taskId)).contains("\"fileName\":\"a.wav\"");
	}

	@Test
	void onATerminalProgressIsDrawnAsBarsInPlace() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("terminal"));
		for (int i = 0; i < 8; i++) {
			Files.write(folder.resolve("t" + i + ".wav"), wav(0.2, 520 + 10 * i));
		}
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				Hopper.class.getName(), "upload", folder.toString(), "--type", "audio-features", "--wait",
				"--manifest", this.work.resolve("terminal.jsonl").toString()));
		// script(1) gives the command a pseudo-terminal, as a person's shell would
		ProcessBuilder builder = new ProcessBuilder("script", "-qec", String.join(" ", command.stream()
			.map((arg) -> "'" + arg.replace("'", "'\\''") + "'")
			.toList()), "/dev/null").redirectErrorStream(true);
		environment(builder, Map.of("TERM", "xterm"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).as("bars redrawn in place: cursor up, clear line").contains("\033[1A", "\033[2K");
		assertThat(output).contains("[############################] 100%")
			.contains("0 queued · 0 running · 8 done · 0 failed · 0 refused")
			.contains("8 sent, 0 refused, 0 failed");
		assertThat(output).as("no event lines on a terminal").doesNotContain("queued " + folder);
	}

	@Test
	void aFolderOf200MixedFilesSurvivesAKilledRunAndEveryFileEndsAsExactlyOneTask() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("mixed"));
		Path audio = Path.of("..", "job-definitions", "src", "test", "resources", "audio");
		String[] encoded = { "sine-440hz-6dbfs.flac", "sine-440hz-6dbfs.mp3", "sine-440hz-6dbfs.ogg",
				"sine-1khz-mono.mp3" };
		for (int i = 0; i < 198; i++) {
			if (i % 10 == 0) {
				String source = encoded[(i / 10) % encoded.length];
				Files.copy(audio.resolve(source), folder.resolve(String.format("%03d-%s", i, source)));
			}
			else {
				Files.write(folder.resolve(String.format("%03d.wav", i)), wav(0.1 + (i % 7) * 0.05, 200 + 3 * i));
			}
		}
		Files.writeString(folder.resolve("readme.txt"), "not audio");
		Files.write(folder.resolve("empty.wav"), new byte[0]);
		Path manifest = this.work.resolve("mixed.jsonl");
		Path results = this.work.resolve("mixed-results");
		String[] upload = { "upload", folder.toString(), "--type", "audio-features", "--batch", "mixed",
				"--concurrency", "2", "--manifest", manifest.toString(), "--out", results.toString() };

		Process first = start(Map.of(), upload);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!Files.exists(manifest) || Files.readAllLines(manifest).size() < 60) {
			assertThat(first.isAlive()).as("still uploading when killed").isTrue();
			assertThat(Instant.now()).isBefore(deadline);
			Thread.sleep(20);
		}
		first.destroyForcibly().waitFor();
		long sentBeforeKill = Files.readAllLines(manifest).size() - 1;
		assertThat(sentBeforeKill).as("killed mid-way").isLessThan(198);

		Run again = hopper(upload);

		assertThat(again.exit()).as(again.output()).isEqualTo(1);
		assertThat(again.lines("skipped ")).hasSizeGreaterThanOrEqualTo((int) sentBeforeKill);
		assertThat(again.output()).containsPattern("refused .*readme.txt unsupported_format")
			.containsPattern("refused .*empty.wav empty_file");
		String batchId = batchOf(again);
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.JsonNode batch = json.readTree(get("/api/v1/batches/" + batchId + "?pageSize=500"));
		List<String> fileNames = batch.get("tasks").valueStream().map((task) -> task.get("fileName").asString()).toList();
		assertThat(fileNames).as("every good file exactly one task").hasSize(198).doesNotHaveDuplicates();
		assertThat(batch.get("complete").asBoolean()).isTrue();
		assertThat(batch.get("counts").get("succeeded").asInt()).isEqualTo(198);
		try (var written = Files.list(results)) {
			assertThat(written.count()).isEqualTo(198);
		}

		Run waited = hopper("wait", batchId);
		assertThat(waited.exit()).as(waited.output()).isZero();
		assertThat(waited.output()).contains("succeeded batch " + batchId + ": 198 succeeded, 0 failed");
		assertThat(hopper("status", batchId).output()).contains("\"complete\" : true");

		Path table = this.work.resolve("mixed-csv");
		Run csv = hopper("results", batchId, "--out", table.toString(), "--format", "csv");
		assertThat(csv.exit()).as(csv.output()).isZero();
		List<String> rows = Files.readAllLines(table.resolve("results.csv"));
		assertThat(rows).hasSize(199);
		List<String> header = List.of(rows.get(0).split(","));
		assertThat(header).startsWith("taskId", "file", "state").contains("durationSec", "loudness.integratedLufs");
		List<String> taskIds = new ArrayList<>();
		for (String row : rows.subList(1, rows.size())) {
			List<String> cells = List.of(row.split(",", -1));
			taskIds.add(cells.get(0));
			tools.jackson.databind.JsonNode result = json.readTree(get("/api/v1/tasks/" + cells.get(0) + "/result"));
			for (String column : List.of("durationSec", "sampleRate", "channels", "loudness.integratedLufs",
					"spectral.centroidHz.mean")) {
				tools.jackson.databind.JsonNode expected = result;
				for (String step : column.split("\\.")) {
					expected = expected.path(step);
				}
				String cell = cells.get(header.indexOf(column));
				if (expected.isNull()) {
					assertThat(cell).as(column + " of " + cells.get(1) + ": none, an empty cell").isEmpty();
				}
				else {
					assertThat(Double.parseDouble(cell)).as(column + " of " + cells.get(1)).isEqualTo(expected.asDouble());
				}
			}
		}
		assertThat(taskIds).as("the table holds each task of the batch once")
			.containsExactlyInAnyOrderElementsOf(batch.get("tasks").valueStream().map((t) -> t.get("id").asString()).toList());
	}

	@Test
	void aQuotaStormIsRiddenOutAndAHundredThousandLineManifestFitsInASmallHeap() throws Exception {
		String stormyKey = post("/admin/v1/tenants/stormy/keys", ADMIN_KEY, "{\"name\": \"storm\"}")
			.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
		Path folder = Files.createDirectories(this.work.resolve("storm"));
		for (int i = 0; i < 36; i++) {
			Files.write(folder.resolve(String.format("s%02d.wav", i)), wav(0.1, 700 + 7 * i));
		}
		Path manifest = this.work.resolve("storm.jsonl");
		StringBuilder earlier = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			earlier.append("{\"path\":\"/elsewhere/file-").append(i).append(".wav\",\"size\":16044,\"modified\":")
				.append(1_700_000_000_000L + i)
				.append(",\"sha256\":\"").append(String.format("%064x", i)).append("\",\"type\":\"audio-features\",")
				.append("\"params\":\"{}\",\"taskId\":\"01a24000-0000-7000-8000-").append(String.format("%012d", i))
				.append("\"}\n");
		}
		Files.writeString(manifest, earlier);

		Run storm = hopper(Map.of("HOPPER_API_KEY", stormyKey, "JAVA_TOOL_OPTIONS", "-Xmx64m"), "upload",
				folder.toString(), "--type", "audio-features", "--concurrency", "8", "--manifest", manifest.toString());

		assertThat(storm.exit()).as(storm.output()).isZero();
		assertThat(storm.output()).contains("36 sent, 0 refused");
		assertThat(get("/api/v1/tasks?pageSize=1", stormyKey)).as("only 30 a minute: some were refused and waited out")
			.contains("\"total\":{\"count\":36,");
	}

	private Process start(Map<String, String> environment, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				Hopper.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		environment(builder, environment);
		return builder.start();
	}

	private void environment(ProcessBuilder builder, Map<String, String> environment) {
		builder.environment().put("HOPPER_URL", this.url);
		builder.environment().put("HOPPER_API_KEY", KEY);
		builder.environment().put("XDG_CONFIG_HOME", this.work.resolve("config").toString());
		builder.environment().putAll(environment);
	}

	private static String batchOf(Run run) {
		return run.output().replaceAll("(?s).*\\(batch ([^)]+)\\).*", "$1");
	}

	private static String refusalOf(Run run, Path file) {
		String prefix = "refused " + file + ": ";
		return run.lines(prefix).get(0).substring(prefix.length());
	}

	private String get(String path) throws Exception {
		return get(path, KEY);
	}

	private String get(String path, String key) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(this.url + path))
			.header("X-API-Key", key)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private String post(String path, String key, String json) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(this.url + path))
			.header("X-API-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
		return response.body();
	}

	private Run hopper(String... args) throws Exception {
		return hopper(Map.of(), args);
	}

	private Run hopper(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				Hopper.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		environment(builder, environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static String java() {
		return StandaloneServer.java();
	}

	private static byte[] wav(double seconds, double hertz) {
		return StandaloneServer.wav(seconds, hertz);
	}

	private record Run(int exit, String output) {

		List<String> lines(String prefix) {
			return this.output.lines().filter((line) -> line.startsWith(prefix)).toList();
		}

	}

}

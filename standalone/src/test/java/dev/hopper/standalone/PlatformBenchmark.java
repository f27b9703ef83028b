package dev.hopper.standalone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.queue.TaskPublisher;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.audio.engine.AnalyzeCommand;
import dev.hopper.jobs.audio.engine.AudioDecoders;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.jobs.maps.llm.LoopbackModelServer;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.TaskListeners;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform at the speed of its own web stack (issue 17's table), measured from outside on
 * loopback against standalone, each figure beside its baseline from the same run:
 * <ol>
 * <li>status polls of a finished task at 64 connections (wrk), against the same server's
 * trivial endpoint;</li>
 * <li>small uploads, 16 at a time, against the same work done in-process through the adapters
 * (put blob, insert task, confirmed publish), with the workers paused;</li>
 * <li>dispatch (created → started) and</li>
 * <li>the platform's overhead per task (started → finished, less the engine's own time for the
 * same file, run in-process), for a 1 s WAV;</li>
 * <li>a 1 s WAV from upload to SUCCEEDED, one at a time and 32 at a time;</li>
 * <li>one 1 GB upload, against the same bytes sent to a discarding endpoint of the same server,
 * with the heap before, at its peak during, and after;</li>
 * <li>1,000 long polls and 1,000 event streams held open: the threads they take, and other
 * clients' status polls meanwhile;</li>
 * <li>scale-out: 1, 2 and 4 worker processes on an I/O-bound job (map-parse through the loopback
 * model with a fixed answer delay);</li>
 * <li>a batch of small WAVs through {@code POST /batches} until all are SUCCEEDED, against
 * the same files through Celery ({@code tools/benchmarks/celery/celery_batch.py}).</li>
 * </ol>
 * Each row prints as a line of docs/benchmarks.md's table. With {@code -DmemoryBroker=true}
 * the embedded broker keeps messages in memory (an experiment: how much its Derby store costs).
 *   tools/benchmarks/platform [seconds=10] [batch=1000] [rows=1,2,3,5,6,7,8,9]
 */
public final class PlatformBenchmark {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static final String MODEL_ANSWER = "{\"levels\": [{\"id\": \"L1\", \"slots\": [{\"id\": \"A01\", "
			+ "\"type\": \"regular\", \"polygon\": [{\"x\": 10, \"y\": 10}, {\"x\": 40, \"y\": 10}, {\"x\": 40, "
			+ "\"y\": 70}, {\"x\": 10, \"y\": 70}]}], \"laneNodes\": [], \"laneEdges\": [], \"entrances\": []}]}";

	private static final Duration MODEL_LATENCY = Duration.ofMillis(500);

	private static final Pattern CELERY = Pattern.compile("celery: (\\d+) tasks in ([\\d.]+) s");

	private final ConfigurableApplicationContext context;

	private final Http http;

	private final String base;

	private final int seconds;


	private PlatformBenchmark(ConfigurableApplicationContext context, int seconds) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.http = new Http(port);
		this.base = "http://127.0.0.1:" + port;
		this.seconds = seconds;
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int batch = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		Set<String> rows = Set.of(((args.length > 2) ? args[2] : "1,2,3,5,6,7,8,9").split(","));
		Path data = Files.createTempDirectory("hopper-platform");
		LoopbackModelServer model = new LoopbackModelServer();
		model.answerPlansWith(MODEL_ANSWER);
		model.latency(MODEL_LATENCY);
		try (EmbeddedInfrastructure embedded = Boolean.getBoolean("memoryBroker") ? new EmbeddedInfrastructure()
			.mongo(data.resolve("mongo")).broker(data.resolve("broker"), false).s3(data.resolve("s3"))
			.redis(data.resolve("redis")) : HopperStandalone.start(data)) {
			Map<String, Object> properties = new HashMap<>(embedded.properties());
			properties.putAll(Http.keyProperties());
			properties.put("hopper.amqp.namespace", "hopper-bench-" + UUID.randomUUID().toString().substring(0, 8));
			properties.put("hopper.admission.intake-per-minute", 10_000_000);
			properties.put("hopper.admission.max-waits-per-tenant", 5_000);
			properties.put("hopper.admission.max-waits", 5_000);
			properties.put("logging.level.root", "warn");
			properties.put("hopper.jobs.maps.model.name", "loopback-vision");
			properties.put("hopper.jobs.maps.model.base-url", model.baseUrl());
			// the model's own allowance is not what row 8 measures
			properties.put("hopper.jobs.maps.model.requests-per-minute", 1_000_000);
			properties.put("hopper.jobs.maps.model.tokens-per-minute", 1_000_000_000_000L);
			try (ConfigurableApplicationContext context = withDiscard(properties)) {
				PlatformBenchmark benchmark = new PlatformBenchmark(context, seconds);
				System.out.println("| # | measured | baseline, same run | ratio | target |");
				System.out.println("|---|---|---|---|---|");
				if (rows.contains("1")) {
					benchmark.statusPolls();
				}
				if (rows.contains("2")) {
					benchmark.intake();
				}
				if (rows.contains("3")) {
					benchmark.oneFileAtATime();
				}
				if (rows.contains("5")) {
					benchmark.thirtyTwoAtATime();
				}
				if (rows.contains("6")) {
					benchmark.oneGigabyte();
				}
				if (rows.contains("7")) {
					benchmark.heldConnections();
				}
				if (rows.contains("8")) {
					benchmark.scaleOut(properties);
				}
				if (rows.contains("9")) {
					benchmark.batchAgainstCelery(batch);
				}
			}
		}
		model.close();
		System.exit(0);
	}

	/** Row 1. */
	private void statusPolls() throws Exception {
		String finished = upload(second(440));
		await(finished);
		Wrk.run(this.base + "/actuator/info", Http.ADMIN_KEY, 64, 3);
		Wrk.run(this.base + "/api/v1/tasks/" + finished, Http.API_KEY, 64, 3);
		Wrk.Result trivial = Wrk.run(this.base + "/actuator/info", Http.ADMIN_KEY, 64, this.seconds);
		Wrk.Result status = Wrk.run(this.base + "/api/v1/tasks/" + finished, Http.API_KEY, 64, this.seconds);
		row("1", "`GET /api/v1/tasks/{id}` (finished), 64 connections: " + status,
				"`GET /actuator/info`: " + trivial, ratio(status.perSecond() / trivial.perSecond()),
				"≥ 0.5×, p99 ≤ 25 ms");
	}

	/** Row 2: the workers are paused, so only intake is measured. */
	private void intake() throws Exception {
		byte[] small = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 0.25, 440, 0.4);
		TaskListeners listeners = this.context.getBean(TaskListeners.class);
		listeners.stop();
		try {
			Timed http = concurrently(16, this.seconds, () -> upload(small));
			BlobStore blobs = this.context.getBean(BlobStore.class);
			TaskLifecycle lifecycle = this.context.getBean(TaskLifecycle.class);
			TaskPublisher publisher = this.context.getBean(TaskPublisher.class);
			AtomicLong[] stages = { new AtomicLong(), new AtomicLong(), new AtomicLong() };
			Timed adapters = concurrently(16, this.seconds, () -> {
				String id = TimeOrderedId.next(Clock.systemUTC());
				String key = BlobKeys.upload(id);
				long started = System.nanoTime();
				blobs.put(key, new ByteArrayInputStream(small), ContentKind.WAV.mediaType());
				long stored = System.nanoTime();
				Task task = Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES,
						new Upload(key, "0".repeat(64), small.length, ContentKind.WAV, "small.wav"), Map.of(),
						Instant.now());
				lifecycle.insert(task);
				long inserted = System.nanoTime();
				publisher.publish(task);
				stages[0].addAndGet(stored - started);
				stages[1].addAndGet(inserted - stored);
				stages[2].addAndGet(System.nanoTime() - inserted);
			});
			double n = adapters.sorted().size() * 1e6;
			row("2", String.format("8 KB WAV uploads, 16 at a time: %,.0f/s, p50 %.1f ms, p99 %.1f ms",
					http.perSecond(), http.p(50), http.p(99)),
					String.format("the same work in-process through the adapters: %,.0f/s, p99 %.1f ms (mean put blob "
							+ "%.1f ms, insert %.1f ms, publish with confirm %.1f ms)", adapters.perSecond(),
							adapters.p(99), stages[0].get() / n, stages[1].get() / n, stages[2].get() / n),
					ratio(http.perSecond() / adapters.perSecond()), "≥ 0.5× and ≥ 300/s");
		}
		finally {
			listeners.start();
		}
		awaitIdle();
	}

	/** Rows 3, 4 and 5 (one at a time). */
	private void oneFileAtATime() throws Exception {
		List<Double> dispatch = new ArrayList<>();
		List<Double> overhead = new ArrayList<>();
		List<Double> toSucceeded = new ArrayList<>();
		// the JIT compiles the task path over its first hundred runs: none of them is measured
		byte[] warm = second(220);
		for (int i = 0; i < 100; i++) {
			await(upload(second(100 + i)));
		}
		double engine = engineMillis(warm);
		Map<String, double[]> commandsBefore = storeCommands();
		for (int i = 0; i < 40; i++) {
			byte[] wav = second(300 + i);
			long started = System.nanoTime();
			JsonNode done = await(upload(wav));
			toSucceeded.add(millisSince(started));
			Instant created = Instant.parse(done.get("createdAt").asString());
			Instant began = Instant.parse(done.get("startedAt").asString());
			Instant finished = Instant.parse(done.get("finishedAt").asString());
			dispatch.add(Duration.between(created, began).toNanos() / 1e6);
			overhead.add(Duration.between(began, finished).toNanos() / 1e6 - engine);
		}
		System.out.println("store commands per task, by command and collection (count, ms): " + perTask(commandsBefore,
				storeCommands(), 40));
		row("3", "dispatch, created → started, idle workers (40 tasks): " + percentiles(dispatch), "", "",
				"p99 ≤ 50 ms");
		row("4", "overhead per task: started → finished less the engine's time, 1 s WAV: " + percentiles(overhead),
				String.format("the engine alone on the same file, in-process: %.1f ms", engine), "",
				"p50 ≤ 20 ms");
		row("5", "1 s WAV, upload → SUCCEEDED, one at a time (40): " + percentiles(toSucceeded), "", "",
				"p50 ≤ 150 ms");
	}

	/** Row 5, 32 at a time. */
	private void thirtyTwoAtATime() throws Exception {
		List<Double> toSucceeded = Collections.synchronizedList(new ArrayList<>());
		ExecutorService clients = Executors.newFixedThreadPool(32);
		for (int round = 0; round < 3; round++) {
			List<Future<?>> all = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				byte[] wav = second(500 + round * 32 + i);
				all.add(clients.submit(() -> {
					long started = System.nanoTime();
					await(upload(wav));
					toSucceeded.add(millisSince(started));
				}));
			}
			for (Future<?> one : all) {
				one.get();
			}
		}
		clients.shutdown();
		row("5", "1 s WAV, upload → SUCCEEDED, 32 at a time (3 × 32): " + percentiles(toSucceeded), "", "", "");
	}

	/** Row 6. */
	private void oneGigabyte() throws Exception {
		long size = 1L << 30;
		HeapWatch watch = new HeapWatch();
		long discardStarted = System.nanoTime();
		HttpResponse<String> discarded = post("/benchmark/discard", upload1Gb(size), "application/octet-stream");
		double discardSeconds = millisSince(discardStarted) / 1000;
		if (discarded.statusCode() != 200) {
			throw new IllegalStateException("discard answered " + discarded.statusCode());
		}
		String boundary = "hopper-" + UUID.randomUUID();
		InputStream form = new SequenceInputStream(new ByteArrayInputStream(("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\naudio-features\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.wav\"\r\n"
				+ "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
				new SequenceInputStream(upload1Gb(size),
						new ByteArrayInputStream(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8))));
		watch.start();
		long uploadStarted = System.nanoTime();
		HttpResponse<String> accepted = post("/api/v1/tasks", form, "multipart/form-data; boundary=" + boundary);
		double uploadSeconds = millisSince(uploadStarted) / 1000;
		HeapWatch.Figures heap = watch.stop();
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("the upload answered " + accepted.statusCode() + ": " + accepted.body());
		}
		String id = JSON.readTree(accepted.body()).get("id").asString();
		this.http.delete("/api/v1/tasks/" + id);
		double mb = size / 1e6;
		row("6", String.format("one 1 GB WAV upload: %.0f MB/s; heap %s", mb / uploadSeconds, heap),
				String.format("the same bytes to a discarding endpoint: %.0f MB/s", mb / discardSeconds),
				ratio(discardSeconds / uploadSeconds), "≥ 0.7×, heap flat");
		awaitIdle();
	}

	/** Row 7. */
	private void heldConnections() throws Exception {
		String finished = upload(second(660));
		await(finished);
		String waiting = StoredTasks.queued(this.context, Http.TENANT);
		int[] before = serverThreads();
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
		List<CompletableFuture<HttpResponse<Void>>> held = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			held.add(client.sendAsync(request("/api/v1/tasks/" + waiting + "?waitSeconds=60"),
					HttpResponse.BodyHandlers.discarding()));
			held.add(client.sendAsync(request("/api/v1/tasks/" + waiting + "/events"),
					HttpResponse.BodyHandlers.discarding()));
		}
		Thread.sleep(5_000);
		long open = held.stream().filter((one) -> !one.isDone()).count();
		int[] during = serverThreads();
		int jvm = ManagementFactory.getThreadMXBean().getThreadCount();
		Wrk.Result others = Wrk.run(this.base + "/api/v1/tasks/" + finished, Http.API_KEY, 64, Math.min(10, this.seconds));
		this.http.delete("/api/v1/tasks/" + waiting);
		row("7", String.format("%d long polls and event streams open: request threads busy %d of the pool's %d "
				+ "(before: %d of %d; the whole JVM, client included: %d threads); other clients' status polls: %s",
				open, during[1], during[0], before[1], before[0], jvm, others), "", "",
				"≤ 50 threads, others' p99 ≤ 50 ms");
		held.forEach((one) -> one.cancel(true));
	}

	/**
	 * Row 8: worker processes of their own (this process's workers paused) on an I/O-bound job,
	 * map-parse through the loopback model answering after {@link #MODEL_LATENCY}; 1, 2, then 4
	 * of them, each with 2 consumers.
	 */
	private void scaleOut(Map<String, Object> properties) throws Exception {
		TaskListeners own = this.context.getBean(TaskListeners.class);
		own.stop();
		List<Process> workers = new ArrayList<>();
		Map<Integer, Double> perSecond = new java.util.LinkedHashMap<>();
		try {
			for (int processes : List.of(1, 2, 4)) {
				while (workers.size() < processes) {
					workers.add(startWorker(properties));
				}
				awaitConsumers(JobType.MAP_PARSE, processes * 2);
				// a new process is cold: warm every one first, unmeasured
				mapTasksPerSecond(processes * 8, 100 + processes);
				perSecond.put(processes, mapTasksPerSecond(processes * 24, processes));
			}
		}
		finally {
			workers.forEach(Process::destroy);
			for (Process worker : workers) {
				worker.waitFor();
			}
			own.start();
		}
		row("8", String.format("map-parse through a model answering in %d ms, tasks/s with 1, 2 and 4 worker "
				+ "processes (2 consumers each): %.1f, %.1f, %.1f", MODEL_LATENCY.toMillis(), perSecond.get(1),
				perSecond.get(2), perSecond.get(4)), "one worker process",
				String.format("%.2f×, %.2f×", perSecond.get(2) / perSecond.get(1), perSecond.get(4) / perSecond.get(1)),
				"4 workers ≥ 3.5×");
	}

	private static Process startWorker(Map<String, Object> properties) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", System.getProperty("java.class.path"), "dev.hopper.workers.HopperWorkers",
				"--server.port=0", "--hopper.worker.concurrency=2"));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private void awaitConsumers(JobType type, int consumers) throws InterruptedException {
		dev.hopper.core.queue.WorkQueue queue = this.context.getBean(dev.hopper.core.queue.WorkQueue.class);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (queue.inspect(type).consumers() < consumers) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the worker processes did not start consuming");
			}
			Thread.sleep(200);
		}
	}

	/** {@code tasks} plans (each its own, so none is answered from the result cache) in one batch, until all are SUCCEEDED. */
	private double mapTasksPerSecond(int tasks, int round) throws Exception {
		List<Map.Entry<String, Object>> parts = new ArrayList<>();
		parts.add(Map.entry("type", "map-parse"));
		parts.add(Map.entry("params", "{\"parser\": \"vision-llm\"}"));
		for (int i = 0; i < tasks; i++) {
			java.awt.image.BufferedImage plan = new java.awt.image.BufferedImage(160, 120,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			plan.setRGB(i % 160, round % 120, 0xFFFFFF);
			plan.setRGB(round % 160, 60, 0xFFFFFF);
			parts.add(Map.entry("files", new Http.NamedFile("plan-" + round + "-" + i + ".png",
					dev.hopper.jobs.maps.truth.MapFixtures.png(plan))));
		}
		return tasks / awaitBatch(parts, tasks).done();
	}

	/** Posts the batch and waits until every task SUCCEEDED: seconds until it was answered, and until then. */
	private BatchTimes awaitBatch(List<Map.Entry<String, Object>> parts, int files) throws InterruptedException {
		long started = System.nanoTime();
		Http.Response answer = this.http.postParts("/api/v1/batches", parts);
		double answered = millisSince(started) / 1000;
		if (answer.status() != 202) {
			throw new IllegalStateException("the batch answered " + answer.status() + ": " + answer.body());
		}
		String batch = answer.json().get("id").asString();
		while (true) {
			// the counts are what this client waits on: a page of one task, not the default hundred
			JsonNode counts = this.http.get("/api/v1/batches/" + batch + "?pageSize=1").json().get("counts");
			if (counts.get("failed").asLong() > 0) {
				throw new IllegalStateException("some of the batch failed: " + counts);
			}
			if (counts.get("succeeded").asLong() == files) {
				return new BatchTimes(answered, millisSince(started) / 1000);
			}
			Thread.sleep(20);
		}
	}

	/** Row 9. */
	/** Files of the unmeasured batch that warms row 9's code paths. */
	private static final int WARM_UP_FILES = 300;

	private void batchAgainstCelery(int files) throws Exception {
		Path folder = Files.createTempDirectory("hopper-batch-wavs");
		List<Map.Entry<String, Object>> parts = new ArrayList<>();
		parts.add(Map.entry("type", "audio-features"));
		for (int i = 0; i < files; i++) {
			byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 0.5, 200 + i, 0.4);
			Path file = folder.resolve(String.format("%04d.wav", i));
			Files.write(file, wav);
			parts.add(Map.entry("files", new Http.NamedFile(file.getFileName().toString(), wav)));
		}
		double celery = celerySeconds(folder);
		// Celery's worker is warmed with a task; a JVM's code paths are warm once compiled, so
		// a batch of other files goes first, unmeasured
		List<Map.Entry<String, Object>> warmUp = new ArrayList<>();
		warmUp.add(Map.entry("type", "audio-features"));
		for (int i = 0; i < WARM_UP_FILES; i++) {
			warmUp.add(Map.entry("files", new Http.NamedFile(i + ".wav",
					WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 0.5, 5_000 + i, 0.4))));
		}
		awaitBatch(warmUp, WARM_UP_FILES);
		BatchTimes times = awaitBatch(parts, files);
		row("9", String.format("%,d WAVs of 0.5 s in one `POST /batches`: answered in %.2f s, all SUCCEEDED in %.2f s "
				+ "(%,.0f files/s)", files, times.answered(), times.done(), files / times.done()),
				String.format("Celery 5.2, 2 prefork workers, same files: %.2f s (%,.0f tasks/s)", celery, files / celery),
				ratio(celery / times.done()), "≥ 0.3×");
	}

	private double celerySeconds(Path folder) throws IOException, InterruptedException {
		Path script = Path.of(System.getProperty("hopper.root", ".")).resolve("tools/benchmarks/celery/celery_batch.py");
		Process celery = new ProcessBuilder("/usr/bin/python3", script.toString(), folder.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(celery.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		celery.waitFor();
		Matcher figures = CELERY.matcher(out);
		if (!figures.find()) {
			throw new IllegalStateException("the Celery baseline printed no figure: " + out);
		}
		return Double.parseDouble(figures.group(2));
	}

	/** Every MongoDB command the app sent so far (the driver's Micrometer timers): count and total ms by command and collection. */
	private Map<String, double[]> storeCommands() {
		Map<String, double[]> commands = new java.util.TreeMap<>();
		for (io.micrometer.core.instrument.Timer timer : this.context
			.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.find("mongodb.driver.commands")
			.timers()) {
			String key = timer.getId().getTag("command") + " " + timer.getId().getTag("collection");
			double[] figures = commands.computeIfAbsent(key, (k) -> new double[2]);
			figures[0] += timer.count();
			figures[1] += timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		return commands;
	}

	private static String perTask(Map<String, double[]> before, Map<String, double[]> after, int tasks) {
		StringBuilder line = new StringBuilder();
		double count = 0;
		double millis = 0;
		for (Map.Entry<String, double[]> command : after.entrySet()) {
			double[] earlier = before.getOrDefault(command.getKey(), new double[2]);
			double n = (command.getValue()[0] - earlier[0]) / tasks;
			double ms = (command.getValue()[1] - earlier[1]) / tasks;
			if (n >= 0.5) {
				line.append(String.format("%s %.1f/%.1f; ", command.getKey(), n, ms));
			}
			count += n;
			millis += ms;
		}
		return String.format("%.0f commands, %.1f ms in all: %s", count, millis, line);
	}

	private static double engineMillis(byte[] wav) {
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long started = System.nanoTime();
			AnalyzeCommand.analyze(AudioDecoders.open(ContentKind.WAV, wav));
			runs.add(millisSince(started));
		}
		Collections.sort(runs);
		return runs.get(runs.size() / 2);
	}

	/** Tomcat's request threads: how many there are, and how many are busy (not waiting in the pool for work). */
	private static int[] serverThreads() {
		int all = 0;
		int busy = 0;
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
			if (thread.getThreadName().startsWith("http-nio-") && thread.getThreadName().contains("-exec-")) {
				all++;
				boolean idle = java.util.Arrays.stream(thread.getStackTrace())
					.anyMatch((frame) -> frame.getClassName().endsWith("threads.TaskQueue"));
				busy += idle ? 0 : 1;
			}
		}
		return new int[] { all, busy };
	}

	private void awaitIdle() throws InterruptedException {
		TaskQueries queries = this.context.getBean(TaskQueries.class);
		TaskFilter live = new TaskFilter(null, Set.of(TaskState.QUEUED, TaskState.RUNNING), null, null, null, null,
				null, null, null);
		while (queries.count(live, 1) > 0) {
			Thread.sleep(100);
		}
	}

	private String upload(byte[] wav) {
		Http.Response answer = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav));
		if (answer.status() != 202) {
			throw new IllegalStateException("the upload answered " + answer.status() + ": " + answer.body());
		}
		return answer.json().get("id").asString();
	}

	/** Long polls until the task has finished; it must have succeeded. */
	private JsonNode await(String id) {
		while (true) {
			JsonNode task = this.http.get("/api/v1/tasks/" + id + "?waitSeconds=10").json();
			String state = task.get("state").asString();
			if ("SUCCEEDED".equals(state)) {
				return task;
			}
			if ("FAILED".equals(state) || "CANCELLED".equals(state)) {
				throw new IllegalStateException(id + " ended " + state + ": " + task);
			}
		}
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("X-API-Key", Http.API_KEY).GET().build();
	}

	private HttpResponse<String> post(String path, InputStream body, String contentType)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("X-API-Key", Http.API_KEY)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A WAV header for {@code size} bytes of 16-bit mono, then quiet samples made as they are read. */
	private static InputStream upload1Gb(long size) {
		java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + size))
			.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
			.putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
			.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) size);
		return new SequenceInputStream(new ByteArrayInputStream(header.array()), new InputStream() {

			private long left = size;

			@Override
			public int read() {
				return (this.left-- > 0) ? 0 : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + n, (byte) 1);
				this.left -= n;
				return n;
			}

		});
	}

	private static byte[] second(int hz) {
		return WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, hz, 0.4);
	}

	private static Timed concurrently(int threads, int seconds, Runnable work) throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> all = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			all.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					long started = System.nanoTime();
					work.run();
					millis.add(millisSince(started));
				}
			}));
		}
		for (Future<?> one : all) {
			one.get();
		}
		pool.shutdown();
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return new Timed(sorted, seconds);
	}

	private static double millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1e6;
	}

	private static String percentiles(List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return String.format("p50 %.1f ms, p99 %.1f ms", percentile(sorted, 50), percentile(sorted, 99));
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(sorted.size() * p / 100.0) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String ratio(double ratio) {
		return String.format("%.2f×", ratio);
	}

	private static void row(String number, String measured, String baseline, String ratio, String target) {
		System.out.printf("| %s | %s | %s | %s | %s |%n", number, measured, baseline, ratio, target);
	}

	private record BatchTimes(double answered, double done) {
	}

	private record Timed(List<Double> sorted, int seconds) {

		double perSecond() {
			return this.sorted.size() / (double) this.seconds;
		}

		double p(int percentile) {
			return percentile(this.sorted, percentile);
		}

	}

	/** The heap in use before, at its highest during, and after a request (sampled every 10 ms, after a GC). */
	private static final class HeapWatch {

		private final AtomicLong peak = new AtomicLong();

		private long before;

		private volatile boolean watching;

		private Thread sampler;

		void start() {
			System.gc();
			this.before = used();
			this.watching = true;
			this.sampler = new Thread(() -> {
				while (this.watching) {
					this.peak.accumulateAndGet(used(), Math::max);
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.sampler.start();
		}

		Figures stop() throws InterruptedException {
			this.watching = false;
			this.sampler.join();
			System.gc();
			return new Figures(this.before, this.peak.get(), used());
		}

		private static long used() {
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		record Figures(long before, long peak, long after) {

			@Override
			public String toString() {
				return String.format("%d MB before, %d MB at peak, %d MB after", this.before >> 20, this.peak >> 20,
						this.after >> 20);
			}

		}

	}

	/** Standalone with one more endpoint: {@code POST /benchmark/discard} reads the body and throws it away. */
	private static ConfigurableApplicationContext withDiscard(Map<String, Object> properties) {
		var application = HopperStandalone.application(properties);
		application.addPrimarySources(List.of(Discard.class));
		return application.run("--server.port=0");
	}

	@RestController
	static class Discard {

		@PostMapping("/benchmark/discard")
		long discard(HttpServletRequest request) throws IOException {
			return request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		}

	}

}

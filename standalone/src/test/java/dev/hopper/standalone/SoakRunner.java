package dev.hopper.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.hopper.api.HopperApi;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.HopperWorkers;
import org.bson.Document;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The soak (a command, not a test): N uploads through the api while worker JVMs are killed
 * with SIGKILL every K seconds and replaced. Prints lost, duplicated and recovered counts
 * and how long the killed workers' tasks took to finish after each kill.
 * Usage: SoakRunner [uploads=10000] [killEverySeconds=30] [workers=2]
 */
public final class SoakRunner {

	private SoakRunner() {
	}

	public static void main(String[] args) throws Exception {
		int uploads = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int killEvery = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int workerCount = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
		Path data = Files.createTempDirectory("hopper-soak");
		// MongoDB in memory: the embedded server has no secondary indexes, so every query
		// scans; in H2 pages that held the first 10,000-upload run to 40 tasks a minute
		try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure().inMemoryMongo()
			.broker(data.resolve("broker"), true)
			.s3(data.resolve("s3"))
			.redis(data.resolve("redis"))) {
			Map<String, Object> properties = new HashMap<>(infrastructure.properties());
			properties.put("hopper.amqp.namespace", "hopper-soak-" + UUID.randomUUID().toString().substring(0, 8));
			properties.put("server.port", 0);
			properties.put("hopper.worker.lease-ttl", "5s");
			properties.put("hopper.worker.lease-renew-interval", "1s");
			properties.put("hopper.worker.sweep-interval", "2s");
			properties.put("hopper.worker.concurrency", 4);
			properties.put("hopper.admission.intake-per-minute", 10_000_000);
			properties.put("hopper.outbox.delay", "2s");
			properties.put("hopper.outbox.interval", "1s");
			properties.putAll(Http.keyProperties());
			List<String> arguments = properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toList();
			try (ConfigurableApplicationContext api = HopperApi.application(Map.of())
				.run(arguments.toArray(String[]::new))) {
				Http http = new Http(((WebServerApplicationContext) api).getWebServer().getPort());
				MongoTemplate mongo = api.getBean(MongoTemplate.class);
				List<Worker> workers = Collections.synchronizedList(new ArrayList<>());
				for (int i = 0; i < workerCount; i++) {
					workers.add(Worker.start(arguments, data, i));
				}
				Instant started = Instant.now();
				List<Kill> kills = Collections.synchronizedList(new ArrayList<>());
				Thread killer = new Thread(() -> killEvery(killEvery, workers, arguments, data, mongo, kills));
				killer.setDaemon(true);
				killer.start();

				List<String> ids = upload(http, uploads);
				Instant uploaded = Instant.now();
				System.out.printf("uploaded %d in %.1f s%n", ids.size(),
						Duration.between(started, uploaded).toMillis() / 1000.0);
				Map<String, Long> states = awaitAll(mongo, ids, Duration.ofSeconds(Math.max(900, 2L * uploads)), kills);
				killer.interrupt();
				report(mongo, ids, states, kills, Duration.between(started, Instant.now()));
				workers.forEach(Worker::stop);
			}
		}
		System.exit(0);
	}

	private static List<String> upload(Http http, int uploads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> futures = new ArrayList<>();
		for (int i = 0; i < uploads; i++) {
			int n = i;
			futures.add(pool.submit(() -> {
				// content of its own, so no result is reused
				byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.25, 200 + n * 0.01, 0.5);
				Http.Response accepted = http.postMultipart("/api/v1/tasks",
						Http.parts("type", "audio-features", "file", wav));
				if (accepted.status() != 202) {
					throw new IllegalStateException("upload " + n + " answered " + accepted.status() + ": "
							+ accepted.body());
				}
				return accepted.json().get("id").asString();
			}));
		}
		List<String> ids = new ArrayList<>();
		for (Future<String> future : futures) {
			ids.add(future.get());
		}
		pool.shutdown();
		return ids;
	}

	private static void killEvery(int seconds, List<Worker> workers, List<String> arguments, Path data,
			MongoTemplate mongo, List<Kill> kills) {
		int next = workers.size();
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(seconds * 1000L);
				List<Worker> serving = workers.stream().filter(Worker::serving).toList();
				if (serving.isEmpty()) {
					continue;
				}
				// only a worker that has started: killing one still booting proves nothing
				Worker doomed = serving.get(ThreadLocalRandom.current().nextInt(serving.size()));
				workers.remove(doomed);
				List<String> running = mongo.getCollection("tasks")
					.find(new Document("state", "RUNNING").append("workerId", doomed.id()))
					.map((d) -> d.getString("_id"))
					.into(new ArrayList<>());
				doomed.kill();
				kills.add(new Kill(doomed.id(), Instant.now(), running));
				System.out.printf("killed %s holding %d running tasks%n", doomed.id(), running.size());
				workers.add(Worker.start(arguments, data, next++));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			System.err.println("killer stopped: " + ex);
		}
	}

	/** Waits for every task to finish, printing the states once a minute so a long run can be read as it goes. */
	private static Map<String, Long> awaitAll(MongoTemplate mongo, List<String> ids, Duration timeout,
			List<Kill> kills) throws InterruptedException {
		Instant started = Instant.now();
		Instant deadline = started.plus(timeout);
		Instant nextReport = started;
		Map<String, Long> states = new HashMap<>();
		while (Instant.now().isBefore(deadline)) {
			states.clear();
			for (Document task : mongo.getCollection("tasks").find().projection(new Document("state", 1))) {
				states.merge(task.getString("state"), 1L, Long::sum);
			}
			long finished = states.getOrDefault("SUCCEEDED", 0L) + states.getOrDefault("FAILED", 0L)
					+ states.getOrDefault("CANCELLED", 0L);
			if (finished >= ids.size()) {
				break;
			}
			if (!Instant.now().isBefore(nextReport)) {
				System.out.printf("after %d min: %s, %d results, %d kills%n",
						Duration.between(started, Instant.now()).toMinutes(), new java.util.TreeMap<>(states),
						mongo.getCollection("results").countDocuments(), kills.size());
				nextReport = nextReport.plus(Duration.ofMinutes(1));
			}
			// a full scan: often enough to stop soon after the last task, rarely enough to leave the database to the workers
			Thread.sleep(5000);
		}
		return states;
	}

	private static void report(MongoTemplate mongo, List<String> ids, Map<String, Long> states, List<Kill> kills,
			Duration took) {
		long results = mongo.getCollection("results").countDocuments();
		long instances = mongo.getCollection("BATCH_JOB_INSTANCE").countDocuments();
		long executions = mongo.getCollection("BATCH_JOB_EXECUTION").countDocuments();
		List<Double> recovery = new ArrayList<>();
		for (Kill kill : kills) {
			for (String id : kill.running()) {
				Document task = mongo.getCollection("tasks").find(new Document("_id", id)).first();
				if (task != null && task.getDate("finishedAt") != null) {
					recovery.add(Duration.between(kill.at(), task.getDate("finishedAt").toInstant()).toMillis() / 1000.0);
				}
			}
		}
		Collections.sort(recovery);
		long terminal = states.getOrDefault("SUCCEEDED", 0L) + states.getOrDefault("FAILED", 0L)
				+ states.getOrDefault("CANCELLED", 0L);
		List<Document> failedTasks = mongo.getCollection("tasks")
			.find(new Document("state", "FAILED"))
			.into(new ArrayList<>());
		long failedWithResult = mongo.getCollection("results")
			.countDocuments(new Document("_id", new Document("$in", failedTasks.stream().map((t) -> t.get("_id")).toList())));
		// lost: accepted but never finished; results are keyed by task id, so one per task at most
		System.out.println("| uploads | states | lost | results (one per task id) | of them FAILED tasks' | job instances | executions (restarts) | kills | tasks recovered from killed workers | recovery p50 / max |");
		System.out.printf("| %d | %s | %d | %d | %d | %d | %d (%d) | %d | %d | %s / %s |%n", ids.size(), states,
				ids.size() - terminal, results, failedWithResult, instances, executions, executions - instances,
				kills.size(), recovery.size(),
				recovery.isEmpty() ? "–" : String.format("%.1f s", recovery.get(recovery.size() / 2)),
				recovery.isEmpty() ? "–" : String.format("%.1f s", recovery.get(recovery.size() - 1)));
		System.out.printf("took %.1f s%n", took.toMillis() / 1000.0);
		for (Document failed : failedTasks) {
			Document error = failed.get("error", Document.class);
			System.out.printf("FAILED %s attempts=%s error=%s%n", failed.getString("_id"), failed.get("attempts"),
					(error != null) ? error.toJson() : "none");
		}
	}

	private record Kill(String worker, Instant at, List<String> running) {
	}

	private record Worker(String id, Process process, Path log) {

		boolean serving() {
			try {
				return Files.readString(this.log).contains("Started HopperWorkers");
			}
			catch (java.io.IOException ex) {
				return false;
			}
		}

		static Worker start(List<String> arguments, Path data, int n) {
			String id = "soak-worker-" + n;
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			// a worker is booted every killEverySeconds: C1 only and the serial collector
			// halve the CPU a boot takes, leaving the 2-core machine to the work
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(HopperWorkers.class.getName());
			command.addAll(arguments);
			command.add("--hopper.worker.id=" + id);
			try {
				Path log = data.resolve(id + ".log");
				return new Worker(id, new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start(), log);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor();
		}

		void stop() {
			this.process.destroy();
		}

	}

}

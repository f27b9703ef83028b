package dev.hopper.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.hopper.api.HopperApi;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.workers.HopperWorkers;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The distributed topology compose and Kubernetes describe, as processes on this machine: the
 * api and three worker JVMs against the machine's RabbitMQ and Redis, with MongoDB and S3 in
 * a process of their own. Under a steady stream of uploads a worker is killed (SIGKILL), the
 * api is killed and started again on its port, and another worker is stopped (SIGTERM); each
 * is replaced. Clients retry with their Idempotency-Key. Every upload ends SUCCEEDED, once.
 */
class DistributedProcessesIntegrationTests {

	private static final int UPLOADS = 60;

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	@Test
	void uploadsSurviveKilledWorkersAndAKilledApi() throws Exception {
		assumeThat(LocalServices.available()).as("RabbitMQ and Redis answer on localhost").isTrue();
		Path data = Files.createTempDirectory("hopper-processes-it");
		try (Fleet fleet = new Fleet(data)) {
			Map<String, String> stores = fleet.startStores();
			List<String> shared = new ArrayList<>();
			stores.forEach((key, value) -> shared.add("--" + key + "=" + value));
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.putAll(LocalServices.properties());
			settings.put("hopper.amqp.namespace", "hopper-procs-" + UUID.randomUUID().toString().substring(0, 8));
			// among them, lost-message-after: a worker killed between taking a task's lease and
			// claiming it leaves the task QUEUED with its message acked as a duplicate
			settings.putAll(QuickRecovery.properties());
			settings.put("hopper.admission.intake-per-minute", 100_000);
			settings.put("management.server.port", 0);
			settings.putAll(Http.keyProperties());
			settings.forEach((key, value) -> shared.add("--" + key + "=" + value));
			int apiPort;
			try (ServerSocket socket = new ServerSocket(0)) {
				apiPort = socket.getLocalPort();
			}
			List<String> apiArgs = with(shared, "--server.port=" + apiPort);
			App api = fleet.start("api-1", HopperApi.class, apiArgs);
			List<App> workers = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				workers.add(fleet.start("worker-" + i, HopperWorkers.class, workerArgs(shared, i)));
			}
			api.awaitServing();
			workers.forEach(App::awaitServing);

			Http http = new Http(apiPort);
			AtomicInteger answered = new AtomicInteger();
			Map<Integer, String> ids = new ConcurrentHashMap<>();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			List<Future<?>> uploads = new ArrayList<>();
			for (int n = 0; n < UPLOADS; n++) {
				int upload = n;
				uploads.add(clients.submit(() -> {
					ids.put(upload, uploadUntilAnswered(http, upload));
					answered.incrementAndGet();
					return null;
				}));
			}
			// the faults, each once a third of the uploads more were answered
			awaitAnswered(answered, UPLOADS / 3);
			workers.get(0).awaitLog(" ran ");
			workers.get(0).kill();
			workers.add(fleet.start("worker-4", HopperWorkers.class, workerArgs(shared, 4)));
			awaitAnswered(answered, UPLOADS / 2);
			api.kill();
			api = fleet.start("api-2", HopperApi.class, apiArgs);
			api.awaitServing();
			awaitAnswered(answered, 2 * UPLOADS / 3);
			workers.get(1).awaitLog(" ran ");
			workers.get(1).stop();
			workers.add(fleet.start("worker-5", HopperWorkers.class, workerArgs(shared, 5)));
			for (Future<?> upload : uploads) {
				upload.get();
			}
			clients.shutdown();

			Set<String> distinct = new HashSet<>(ids.values());
			assertThat(distinct).as("one task per upload, retries included").hasSize(UPLOADS);
			for (String id : distinct) {
				assertThat(awaitFinished(http, id)).as(id).isEqualTo("SUCCEEDED");
			}
			try (MongoClient mongo = MongoClients.create(stores.get("spring.mongodb.uri"))) {
				MongoDatabase database = mongo
					.getDatabase(new ConnectionString(stores.get("spring.mongodb.uri")).getDatabase());
				assertThat(database.getCollection("tasks").countDocuments()).as("tasks stored").isEqualTo(UPLOADS);
				assertThat(database.getCollection("results").countDocuments(new Document("_id",
						new Document("$in", List.copyOf(distinct))))).as("one result each").isEqualTo(UPLOADS);
			}
		}
	}

	/** Posts upload {@code n} with its own key until an api answers 202 (or 200, a replay): its task id. */
	private static String uploadUntilAnswered(Http http, int n) throws InterruptedException {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.25, 200 + n, 0.5);
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			try {
				Http.Response answer = http.postMultipart("/api/v1/tasks",
						Http.parts("type", "audio-features", "file", wav), "Idempotency-Key", "upload-" + n);
				if (answer.status() == 202 || answer.status() == 200) {
					return answer.json().get("id").asString();
				}
			}
			catch (RuntimeException apiAway) {
				// the api is down or was killed mid-request: the same key again
			}
			Thread.sleep(200);
		}
		throw new AssertionError("upload " + n + " was never answered");
	}

	private static String awaitFinished(Http http, String id) throws InterruptedException {
		Instant deadline = Instant.now().plus(PATIENCE);
		String state = "";
		while (Instant.now().isBefore(deadline)) {
			state = http.get("/api/v1/tasks/" + id).json().get("state").asString();
			if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
				return state;
			}
			Thread.sleep(250);
		}
		return state;
	}

	private static void awaitAnswered(AtomicInteger answered, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (answered.get() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
	}

	private static List<String> workerArgs(List<String> shared, int n) {
		return with(with(shared, "--server.port=0"), "--hopper.worker.id=process-worker-" + n);
	}

	private static List<String> with(List<String> args, String extra) {
		List<String> all = new ArrayList<>(args);
		all.add(extra);
		return all;
	}

	/** The processes of one test, all ended when it closes. */
	private static final class Fleet implements AutoCloseable {

		private final Path data;

		private final List<Process> processes = new ArrayList<>();

		Fleet(Path data) {
			this.data = data;
		}

		/** Starts the stores' process and reads where they listen. */
		Map<String, String> startStores() throws IOException {
			Process stores = new ProcessBuilder(javaCommand(StoresProcess.class, List.of(this.data.toString())))
				.redirectError(this.data.resolve("stores.log").toFile())
				.start();
			this.processes.add(stores);
			Map<String, String> properties = new LinkedHashMap<>();
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(stores.getInputStream(), StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.equals(StoresProcess.READY)) {
					return properties;
				}
				if (line.startsWith("property ")) {
					String[] pair = line.substring("property ".length()).split("=", 2);
					properties.put(pair[0], pair[1]);
				}
			}
			throw new IllegalStateException("the stores' process ended before it was ready");
		}

		App start(String name, Class<?> main, List<String> args) {
			Path log = this.data.resolve(name + ".log");
			try {
				Process process = new ProcessBuilder(javaCommand(main, args)).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				this.processes.add(process);
				return new App(name, main.getSimpleName(), process, log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static List<String> javaCommand(Class<?> main, List<String> args) {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			// several JVMs boot on two cores: C1 only and the serial collector halve what a boot takes
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.add("-Xmx384m");
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(main.getName());
			command.addAll(args);
			return command;
		}

		@Override
		public void close() {
			for (Process process : this.processes) {
				process.destroyForcibly();
			}
		}

	}

	/** One app process and its log. */
	private record App(String name, String mainClass, Process process, Path log) {

		void awaitServing() {
			awaitLog("Started " + this.mainClass);
		}

		/** Until its log says {@code text} (a worker has run a task, say). */
		void awaitLog(String text) {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (Instant.now().isBefore(deadline)) {
				try {
					if (Files.readString(this.log).contains(text)) {
						return;
					}
					if (!this.process.isAlive()) {
						throw new AssertionError(this.name + " ended: " + Files.readString(this.log));
					}
					Thread.sleep(100);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
			throw new AssertionError(this.name + " did not log '" + text + "' in time");
		}

		/** SIGKILL: no shutdown at all. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor();
		}

		/** SIGTERM: the graceful shutdown hands running tasks back. */
		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

}

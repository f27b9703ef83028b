package dev.hopper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.hopper.client.HopperClient;
import dev.hopper.client.HopperProblem;
import dev.hopper.client.Task;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hopper upload}: one task per file (folders are walked), {@code --concurrency} at a
 * time, each under an idempotency key of its own, optionally into one named batch; a manifest
 * makes a second run skip what the first sent. With {@code --wait} or {@code --out}, follows
 * every task as it runs (while the rest still upload) and, with {@code --out}, writes each
 * result as JSON, the folders mirrored.
 */
@Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload files and folders, one task per file.")
final class UploadCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Tasks followed at once: each holds an event stream, and a tenant's streams are capped. */
	private static final int MAX_FOLLOWED = 16;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "PATH",
			description = "Files, folders (read recursively) and quoted globs ('data/**.wav')")
	List<Path> paths = new ArrayList<>();

	@Option(names = "--type", required = true, description = "The job type, e.g. audio-features")
	String type = "";

	@Option(names = "--params", description = "The job's parameters as a JSON object", defaultValue = "{}")
	String params = "{}";

	@Option(names = "--batch", paramLabel = "NAME",
			description = "Group the files as one batch; running again with the same name fills the same batch")
	@Nullable String batch;

	@Option(names = "--concurrency", description = "Uploads at a time (default: ${DEFAULT-VALUE})", defaultValue = "4")
	int concurrency = 4;

	@Option(names = "--wait", description = "Wait until every task is finished")
	boolean await;

	@Option(names = "--out", description = "Write each result to this folder as <file>.json (implies --wait)")
	@Nullable Path out;

	@Option(names = "--json", description = "Each event, and the summary, as one JSON object per line")
	boolean json;

	@Option(names = "--manifest", description = "What earlier runs sent (default: ${DEFAULT-VALUE})",
			defaultValue = "hopper-manifest.jsonl")
	Path manifestFile = Path.of("hopper-manifest.jsonl");

	@Override
	public Integer call() throws Exception {
		PrintWriter console = this.spec.commandLine().getOut();
		if (this.concurrency < 1) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--concurrency is at least 1");
		}
		Map<String, Object> params = parsedParams();
		String canonicalParams = JSON.writeValueAsString(params);
		try {
			FileWalk.check(this.paths);
		}
		catch (FileWalk.NoSuchPath ex) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		HopperClient client = this.connection.client();
		Manifest manifest = Manifest.at(this.manifestFile);
		Progress progress = Progress.of(console, this.json, Terminal.isInteractive(System.getenv()));
		long[] planned = FileWalk.count(this.paths);
		progress.planned((int) planned[0], planned[1]);
		Manifest.BatchEntry batch = (this.batch != null) ? batch(client, manifest, params, canonicalParams) : null;
		Run run = new Run(client, progress, (this.await || this.out != null),
				(this.out != null) ? ResultWriter.into(this.out, ResultWriter.Format.JSON) : null);
		try (run) {
			run.send(manifest, params, canonicalParams, (batch != null) ? batch.id() : null);
			if (batch != null) {
				client.closeBatch(batch.id());
				manifest.record(batch.closing());
			}
			run.awaitFollowed();
		}
		progress.finished();
		summarise(console, run, batch);
		return (run.refused.isEmpty() && run.failed.isEmpty()) ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

	private void summarise(PrintWriter console, Run run, Manifest.@Nullable BatchEntry batch) {
		if (this.json) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("sent", run.sent.get());
			summary.put("skipped", run.skipped.get());
			summary.put("refused", List.copyOf(run.refused));
			summary.put("failed", List.copyOf(run.failed));
			if (batch != null) {
				summary.put("batch", batch.id());
			}
			console.println(JSON.writeValueAsString(summary));
		}
		else {
			console.printf("%d sent, %s%d refused%s%s%n", run.sent.get(),
					(run.skipped.get() > 0) ? run.skipped.get() + " skipped (sent before), " : "", run.refused.size(),
					run.follow ? ", " + run.failed.size() + " failed" : "",
					(batch != null) ? " (batch " + batch.id() + ")" : "");
			run.refused.forEach((line) -> console.println("refused " + line));
			run.failed.forEach((line) -> console.println("failed " + line));
		}
		console.flush();
	}

	/** The named batch: the one an earlier run opened (closed since: a new one), else a new one. */
	private Manifest.BatchEntry batch(HopperClient client, Manifest manifest, Map<String, Object> params,
			String canonicalParams) throws IOException {
		Manifest.BatchEntry known = manifest.batch(this.batch);
		if (known != null && !known.closed() && known.type().equals(this.type)
				&& known.params().equals(canonicalParams)) {
			return known;
		}
		Manifest.BatchEntry opened = new Manifest.BatchEntry(this.batch, client.openBatch(this.type, params).id(),
				this.type, canonicalParams, false);
		manifest.record(opened);
		return opened;
	}

	/** One run's uploads and the tasks it follows. */
	private final class Run implements AutoCloseable {

		private final HopperClient client;

		private final Progress progress;

		private final boolean follow;

		private final @Nullable ResultWriter results;

		private final ExecutorService uploads = Executors.newFixedThreadPool(UploadCommand.this.concurrency);

		private final ExecutorService followers = Executors
			.newFixedThreadPool(Math.min(UploadCommand.this.concurrency, MAX_FOLLOWED));

		/*
		 * Bound the files handed to each pool, so memory stays flat however many files there
		 * are. Two bounds, not one: an upload waits for a follower's place while holding its own.
		 */
		private final Semaphore uploadPlaces = new Semaphore(2 * UploadCommand.this.concurrency);

		private final Semaphore followPlaces = new Semaphore(2 * MAX_FOLLOWED);

		private final AtomicInteger sent = new AtomicInteger();

		private final AtomicInteger skipped = new AtomicInteger();

		private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();

		private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();

		private final AtomicReference<@Nullable Exception> fatal = new AtomicReference<>();

		Run(HopperClient client, Progress progress, boolean follow, @Nullable ResultWriter results) {
			this.client = client;
			this.progress = progress;
			this.follow = follow;
			this.results = results;
		}

		void send(Manifest manifest, Map<String, Object> params, String canonicalParams, @Nullable String batchId)
				throws Exception {
			FileWalk.each(UploadCommand.this.paths, (path, name) -> {
				Source file = Source.of(path, name);
				this.uploadPlaces.acquire();
				rethrowFatal();
				this.uploads.execute(() -> {
					try {
						String taskId = upload(file, manifest, params, canonicalParams, batchId);
						if (taskId != null && this.follow) {
							this.followPlaces.acquire();
							this.followers.execute(() -> follow(file, taskId));
						}
					}
					catch (Exception ex) {
						this.fatal.compareAndSet(null, ex);
					}
					finally {
						this.uploadPlaces.release();
					}
				});
			});
			this.uploads.shutdown();
			this.uploads.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
			rethrowFatal();
		}

		void awaitFollowed() throws Exception {
			this.followers.shutdown();
			this.followers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
			rethrowFatal();
		}

		private @Nullable String upload(Source file, Manifest manifest, Map<String, Object> params,
				String canonicalParams, @Nullable String batchId) throws IOException {
			if (this.fatal.get() != null) {
				return null;
			}
			Manifest.Facts facts = Manifest.Facts.of(file.path(), UploadCommand.this.type,
					(batchId != null) ? canonicalParams + " batch " + batchId : canonicalParams);
			String known = manifest.taskOf(facts);
			if (known != null) {
				this.skipped.incrementAndGet();
				this.progress.skipped(file.shown(), known);
				this.progress.sent(file.size());
				return known;
			}
			try {
				Task task = (batchId != null)
						? this.client.uploadTo(batchId, file.path(), facts.idempotencyKey(), this.progress::sent)
						: this.client.upload(file.path(), UploadCommand.this.type, params, facts.idempotencyKey(),
								this.progress::sent);
				manifest.record(facts, task.id());
				this.sent.incrementAndGet();
				this.progress.queued(file.shown(), task.id());
				return task.id();
			}
			catch (HopperProblem problem) {
				if (problem.status() == 401 || problem.status() == 403 || problem.status() == 404
						|| problem.status() == 409 || problem.isTransient()) {
					throw problem; // the whole run is refused: no other file would fare better
				}
				this.progress.refused(file.shown(), problem.code());
				this.refused.add(file.shown() + ": " + problem.getMessage());
				return null;
			}
		}

		private void follow(Source file, String taskId) {
			try {
				Task.State[] before = { Task.State.QUEUED };
				Task last = this.client.follow(taskId, (task) -> {
					if (task.state() != before[0]) {
						this.progress.changed(file.shown(), task, before[0]);
						before[0] = task.state();
					}
				});
				if (last.state() != Task.State.SUCCEEDED) {
					this.failed.add(file.shown() + ": " + last.state()
							+ ((last.error() != null) ? " " + last.error().code() + ": " + last.error().message() : ""));
				}
				else if (this.results != null) {
					this.results.write(file.name(), last, this.client.result(taskId));
				}
			}
			catch (Exception ex) {
				this.fatal.compareAndSet(null, ex);
			}
			finally {
				this.followPlaces.release();
			}
		}

		private void rethrowFatal() throws Exception {
			Exception ex = this.fatal.get();
			if (ex != null) {
				throw ex;
			}
		}

		@Override
		public void close() throws IOException {
			this.uploads.shutdownNow();
			this.followers.shutdownNow();
			if (this.results != null) {
				this.results.close();
			}
		}

	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parsedParams() {
		try {
			Object parsed = JSON.readValue(this.params, Object.class);
			if (parsed instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
		}
		catch (RuntimeException ex) {
			// answered below
		}
		throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--params must be a JSON object");
	}

	/** A file to send: as given, and its name below the folder it was found in. */
	private record Source(Path path, String name, long size) {

		static Source of(Path path, String name) {
			try {
				return new Source(path, name, Files.size(path));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String shown() {
			return this.path.toString();
		}

	}

}

package dev.hopper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

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
 * time, each under an idempotency key of its own; a manifest makes a second run skip what the
 * first sent. One line per event. With {@code --wait} or {@code --out}, waits for every task
 * and, with {@code --out}, writes each result as JSON beside the others.
 */
@Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload files and folders, one task per file.")
final class UploadCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders (folders are read recursively)")
	List<Path> paths = new ArrayList<>();

	@Option(names = "--type", required = true, description = "The job type, e.g. audio-features")
	String type = "";

	@Option(names = "--params", description = "The job's parameters as a JSON object", defaultValue = "{}")
	String params = "{}";

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
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.concurrency < 1) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "--concurrency is at least 1");
		}
		Map<String, Object> params = parsedParams();
		String canonicalParams = JSON.writeValueAsString(params);
		List<Path> files = files();
		HopperClient client = this.connection.client(System.getenv());
		Manifest manifest = Manifest.at(this.manifestFile);
		List<Sent> sent = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		ExecutorService uploads = Executors.newFixedThreadPool(this.concurrency);
		try {
			List<Future<Sent>> pending = new ArrayList<>();
			for (Path file : files) {
				pending.add(uploads.submit(() -> send(client, manifest, file, params, canonicalParams, out)));
			}
			for (Future<Sent> one : pending) {
				try {
					Sent result = one.get();
					if (result.taskId() != null) {
						sent.add(result);
					}
					else {
						refused.add(result.file() + ": " + result.refusal());
					}
				}
				catch (ExecutionException ex) {
					throw (ex.getCause() instanceof Exception cause) ? cause : ex;
				}
			}
		}
		finally {
			uploads.shutdownNow();
		}
		List<String> failed = (this.await || this.out != null) ? awaitAll(client, sent, out) : List.of();
		if (this.json) {
			Map<String, Object> summary = new java.util.LinkedHashMap<>();
			summary.put("sent", sent.size());
			summary.put("refused", refused);
			summary.put("failed", failed);
			out.println(JSON.writeValueAsString(summary));
		}
		else {
			out.printf("%d sent, %d refused%s%n", sent.size(), refused.size(),
					(this.await || this.out != null) ? ", " + failed.size() + " failed" : "");
			refused.forEach((line) -> out.println("refused " + line));
			failed.forEach((line) -> out.println("failed " + line));
		}
		out.flush();
		return (refused.isEmpty() && failed.isEmpty()) ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

	private Sent send(HopperClient client, Manifest manifest, Path file, Map<String, Object> params,
			String canonicalParams, PrintWriter out) throws IOException {
		Manifest.Facts facts = Manifest.Facts.of(file, this.type, canonicalParams);
		String known = manifest.taskOf(facts);
		if (known != null) {
			event(out, "skipped", file, known);
			return new Sent(file, known, null);
		}
		try {
			Task task = client.upload(file, this.type, params, facts.idempotencyKey());
			manifest.record(facts, task.id());
			event(out, "queued", file, task.id());
			return new Sent(file, task.id(), null);
		}
		catch (HopperProblem problem) {
			if (problem.status() == 401 || problem.status() == 403 || problem.isTransient()) {
				throw problem; // the whole run is refused: no other file would fare better
			}
			event(out, "refused", file, problem.code());
			return new Sent(file, null, problem.getMessage());
		}
	}

	private List<String> awaitAll(HopperClient client, List<Sent> sent, PrintWriter out) throws IOException {
		List<String> failed = new ArrayList<>();
		if (this.out != null) {
			Files.createDirectories(this.out);
		}
		for (Sent one : sent) {
			Task task = client.await(one.taskId(), Duration.ofDays(1));
			event(out, task.state().name().toLowerCase(java.util.Locale.ROOT), one.file(), task.id());
			if (task.state() != Task.State.SUCCEEDED) {
				failed.add(one.file() + ": " + task.state()
						+ ((task.error() != null) ? " " + task.error().code() + ": " + task.error().message() : ""));
			}
			else if (this.out != null) {
				Files.writeString(this.out.resolve(one.file().getFileName() + ".json"),
						JSON.writerWithDefaultPrettyPrinter().writeValueAsString(client.result(task.id())));
			}
		}
		return failed;
	}

	private synchronized void event(PrintWriter out, String what, Path file, String detail) {
		if (this.json) {
			Map<String, String> event = new java.util.LinkedHashMap<>();
			event.put("event", what);
			event.put("file", file.toString());
			event.put("detail", detail);
			out.println(JSON.writeValueAsString(event));
		}
		else {
			out.println(what + " " + file + " " + detail);
		}
		out.flush();
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

	private List<Path> files() {
		List<Path> files = new ArrayList<>();
		for (Path path : this.paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile).sorted().forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), "No such file: " + path);
			}
		}
		return files;
	}

	private record Sent(Path file, @Nullable String taskId, @Nullable String refusal) {
	}

}

package dev.hopper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.hopper.client.HopperClient;
import dev.hopper.client.HopperProblem;
import dev.hopper.client.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hopper results ID… --out DIR [--format json|jsonl|csv]}: the results of batches
 * (every task, read a page at a time) and of single tasks, as one JSON file per task
 * ({@code <task>.json}) or as one table. Exit 1 if any task has no result (listed).
 */
@Command(name = "results", mixinStandardHelpOptions = true,
		description = "Write the results of batches or tasks to a folder, as JSON files or one table.")
final class ResultsCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "ID", description = "Batch or task ids")
	List<String> ids = new ArrayList<>();

	@Option(names = "--out", required = true, description = "The folder to write to")
	Path out = Path.of(".");

	@Option(names = "--format", description = "json (a file per task), jsonl or csv (one table): ${DEFAULT-VALUE}",
			defaultValue = "json")
	ResultWriter.Format format = ResultWriter.Format.JSON;

	@Override
	public Integer call() throws Exception {
		PrintWriter console = this.spec.commandLine().getOut();
		HopperClient client = this.connection.client();
		int written = 0;
		List<String> missing = new ArrayList<>();
		try (ResultWriter results = ResultWriter.into(this.out, this.format)) {
			for (String id : this.ids) {
				Stream<Task> tasks = tasksOf(client, id, missing);
				for (Iterator<Task> each = tasks.iterator(); each.hasNext();) {
					Task task = each.next();
					if (task.state() != Task.State.SUCCEEDED) {
						missing.add(task.id() + " " + task.state());
						continue;
					}
					results.write(task.id().replaceAll("[^A-Za-z0-9._-]", "_"), task, client.result(task.id()));
					written++;
				}
			}
		}
		console.println(written + " results written to " + this.out);
		missing.forEach((line) -> console.println("no result " + line));
		console.flush();
		return missing.isEmpty() ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

	/** A batch's tasks, or the one task of that id; none, and a line in {@code missing}, if neither exists. */
	private static Stream<Task> tasksOf(HopperClient client, String id, List<String> missing)
			throws java.io.IOException {
		if (Batches.find(client, id).isPresent()) {
			return client.tasksOf(id);
		}
		try {
			return Stream.of(client.task(id));
		}
		catch (HopperProblem problem) {
			if (problem.status() != 404) {
				throw problem;
			}
			missing.add(id + " " + problem.code());
			return Stream.empty();
		}
	}

}

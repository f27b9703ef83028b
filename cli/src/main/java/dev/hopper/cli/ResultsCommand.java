package dev.hopper.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hopper.client.HopperClient;
import dev.hopper.client.HopperProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code hopper results TASK… --out DIR}: each task's result as {@code DIR/<task>.json}; exit 1 if any has none. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Write finished tasks' results to a folder.")
final class ResultsCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "TASK")
	List<String> taskIds = new ArrayList<>();

	@Option(names = "--out", required = true, description = "The folder to write <task>.json to")
	Path out = Path.of(".");

	@Override
	public Integer call() throws Exception {
		PrintWriter console = this.spec.commandLine().getOut();
		HopperClient client = this.connection.client(System.getenv());
		JsonMapper json = JsonMapper.builder().build();
		Files.createDirectories(this.out);
		boolean all = true;
		for (String id : this.taskIds) {
			try {
				Path file = this.out.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
				Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(client.result(id)));
				console.println("written " + file);
			}
			catch (HopperProblem problem) {
				if (problem.status() != 404 && problem.status() != 409) {
					throw problem;
				}
				console.println("no result " + id + " " + problem.code());
				all = false;
			}
		}
		console.flush();
		return all ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

}

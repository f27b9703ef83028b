package dev.hopper.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code hopper status TASK}: the task as JSON. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a task.")
final class StatusCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(paramLabel = "TASK")
	String taskId = "";

	@Override
	public Integer call() throws Exception {
		this.spec.commandLine()
			.getOut()
			.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
				.writeValueAsString(this.connection.client().task(this.taskId)));
		return ExitCode.OK.status;
	}

}

package dev.hopper.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code hopper status TASK}: the task as JSON. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a batch (its counts) or a task.")
final class StatusCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(paramLabel = "ID", description = "A batch or task id")
	String id = "";

	@Override
	public Integer call() throws Exception {
		dev.hopper.client.HopperClient client = this.connection.client();
		java.util.Optional<dev.hopper.client.Batch> batch = Batches.find(client, this.id);
		Object shown = batch.isPresent() ? batch.get() : client.task(this.id);
		this.spec.commandLine()
			.getOut()
			.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
		return ExitCode.OK.status;
	}

}

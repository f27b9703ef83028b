package dev.hopper.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hopper redrive BATCH}: queues the batch's FAILED tasks again. */
@Command(name = "redrive", mixinStandardHelpOptions = true, description = "Queue a batch's failed tasks again.")
final class RedriveCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(paramLabel = "BATCH")
	String batchId = "";

	@Override
	public Integer call() throws Exception {
		Object redriven = this.connection.client().redriveBatch(this.batchId).get("redriven");
		this.spec.commandLine().getOut().println("redriven " + redriven + " tasks of batch " + this.batchId);
		return ExitCode.OK.status;
	}

}

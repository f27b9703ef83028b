package dev.hopper.cli;

import java.util.concurrent.Callable;

import dev.hopper.client.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hopper cancel TASK}: cancels it, or asks its running job to stop. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a task.")
final class CancelCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(paramLabel = "TASK")
	String taskId = "";

	@Override
	public Integer call() throws Exception {
		Task task = this.connection.client().cancel(this.taskId);
		this.spec.commandLine().getOut().println(task.state().name().toLowerCase(java.util.Locale.ROOT) + " " + task.id()
				+ (task.cancelRequested() && !task.state().isFinal() ? " (stops at its next chunk boundary)" : ""));
		return ExitCode.OK.status;
	}

}

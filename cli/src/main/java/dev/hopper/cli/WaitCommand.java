package dev.hopper.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hopper.client.HopperClient;
import dev.hopper.client.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hopper wait TASK…}: until every task is final; exit 1 if any did not succeed. */
@Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for tasks to finish.")
final class WaitCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "TASK")
	List<String> taskIds = new ArrayList<>();

	@Option(names = "--timeout", description = "How long to wait in all (default: ${DEFAULT-VALUE})",
			defaultValue = "PT1H")
	Duration timeout = Duration.ofHours(1);

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		HopperClient client = this.connection.client();
		boolean allSucceeded = true;
		for (String id : this.taskIds) {
			Task task = client.await(id, this.timeout);
			out.println(task.state().name().toLowerCase(java.util.Locale.ROOT) + " " + id
					+ ((task.error() != null) ? " " + task.error().code() : ""));
			allSucceeded &= task.state() == Task.State.SUCCEEDED;
		}
		out.flush();
		return allSucceeded ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

}

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

/**
 * {@code hopper wait ID…}: until every task is final and every batch closed and finished;
 * exit 1 if any task did not succeed.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for batches and tasks to finish.")
final class WaitCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	Connection connection = new Connection();

	@Parameters(arity = "1..*", paramLabel = "ID", description = "Batch or task ids")
	List<String> ids = new ArrayList<>();

	@Option(names = "--timeout", description = "How long to wait in all (default: ${DEFAULT-VALUE})",
			defaultValue = "PT1H")
	Duration timeout = Duration.ofHours(1);

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		HopperClient client = this.connection.client();
		boolean allSucceeded = true;
		for (String id : this.ids) {
			java.util.Optional<dev.hopper.client.Batch> batch = Batches.find(client, id);
			if (batch.isPresent()) {
				dev.hopper.client.Batch done = Batches.await(client, batch.get(), this.timeout);
				dev.hopper.client.Batch.Counts counts = done.counts();
				out.printf("%s batch %s: %d succeeded, %d failed, %d cancelled, %d refused, %d unfinished%n",
						done.state().name().toLowerCase(java.util.Locale.ROOT), id, counts.succeeded(), counts.failed(),
						counts.cancelled(), counts.refused(), counts.queued() + counts.running());
				allSucceeded &= done.state() == Task.State.SUCCEEDED && counts.refused() == 0;
				continue;
			}
			Task task = client.await(id, this.timeout);
			out.println(task.state().name().toLowerCase(java.util.Locale.ROOT) + " " + id
					+ ((task.error() != null) ? " " + task.error().code() : ""));
			allSucceeded &= task.state() == Task.State.SUCCEEDED;
		}
		out.flush();
		return allSucceeded ? ExitCode.OK.status : ExitCode.SOME_FAILED.status;
	}

}

package dev.hopper.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

import dev.hopper.client.HopperProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hopper}: uploads folders and files, follows their tasks, and says in its exit
 * status how it went ({@link ExitCode}).
 */
@Command(name = "hopper", mixinStandardHelpOptions = true, version = "hopper 0.1.0",
		description = "Send files to Hopper and collect their results.",
		subcommands = { UploadCommand.class, StatusCommand.class, WaitCommand.class, ResultsCommand.class,
				CancelCommand.class, RedriveCommand.class,
				OperatorCommands.Tasks.class, OperatorCommands.Queues.class, OperatorCommands.Workers.class })
public final class Hopper {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String... args) {
		CommandLine line = new CommandLine(new Hopper()).setCaseInsensitiveEnumValuesAllowed(true);
		line.setExecutionExceptionHandler((ex, command, parsed) -> {
			PrintWriter err = command.getErr();
			if (ex instanceof HopperProblem problem) {
				err.println("refused: " + problem.getMessage());
				return ExitCode.REFUSED.status;
			}
			if (ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException
					|| ex.getCause() instanceof ConnectException) {
				err.println("unreachable: " + ex.getMessage());
				return ExitCode.UNREACHABLE.status;
			}
			throw ex;
		});
		return line.execute(args);
	}

}

package dev.hopper.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** What operators read, with the admin key: tasks of every tenant, queues, workers. As JSON. */
final class OperatorCommands {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OperatorCommands() {
	}

	private static int print(picocli.CommandLine.Model.CommandSpec spec, Object answer) {
		spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
		spec.commandLine().getOut().flush();
		return ExitCode.OK.status;
	}

	@Command(name = "tasks", mixinStandardHelpOptions = true,
			description = "List tasks, newest first: yours, or with --all-tenants (the admin key) everyone's.")
	static final class Tasks implements Callable<Integer> {

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Mixin
		Connection connection = new Connection();

		@Option(names = "--state", description = "QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED")
		@Nullable String state;

		@Option(names = "--type", description = "A job type")
		@Nullable String type;

		@Option(names = "--batch", description = "A batch id")
		@Nullable String batch;

		@Option(names = "--page-size", defaultValue = "50", description = "Tasks per page (default: ${DEFAULT-VALUE})")
		int pageSize = 50;

		@Option(names = "--all-tenants", description = "Every tenant's tasks (the admin key)")
		boolean allTenants;

		@Override
		public Integer call() throws Exception {
			Map<String, String> filters = new LinkedHashMap<>();
			if (this.state != null) {
				filters.put("state", this.state);
			}
			if (this.type != null) {
				filters.put("type", this.type);
			}
			if (this.batch != null) {
				filters.put("batchId", this.batch);
			}
			filters.put("pageSize", Integer.toString(this.pageSize));
			return print(this.spec, this.connection.client().tasks(filters, this.allTenants));
		}

	}

	@Command(name = "queues", mixinStandardHelpOptions = true,
			description = "Each job type's queue, running tasks, rates and desired workers (the admin key).")
	static final class Queues implements Callable<Integer> {

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Mixin
		Connection connection = new Connection();

		@Override
		public Integer call() throws Exception {
			return print(this.spec, this.connection.client().queues());
		}

	}

	@Command(name = "workers", mixinStandardHelpOptions = true,
			description = "The worker processes, live and lately lost (the admin key).")
	static final class Workers implements Callable<Integer> {

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Mixin
		Connection connection = new Connection();

		@Override
		public Integer call() throws Exception {
			return print(this.spec, this.connection.client().workers());
		}

	}

}

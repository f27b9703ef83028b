package dev.hopper.storage.embedded;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.qpid.server.SystemLauncher;
import org.jspecify.annotations.Nullable;

/**
 * An AMQP 0-9-1 broker in process (Apache Qpid Broker-J). Messages persist in a Derby store
 * under the work directory, so queued tasks survive a restart.
 */
public final class EmbeddedAmqpBroker implements EmbeddedServer {

	public static final String USERNAME = "hopper";

	public static final String PASSWORD = "hopper";

	private final Path workDirectory;

	private final boolean persistent;

	private @Nullable SystemLauncher launcher;

	private int port;

	/** @param persistent Derby message store when true, memory when false */
	public EmbeddedAmqpBroker(Path workDirectory, boolean persistent) {
		this.workDirectory = workDirectory;
		this.persistent = persistent;
	}

	@Override
	public void start() throws Exception {
		Files.createDirectories(this.workDirectory);
		this.port = FreePort.find();
		URL config = Objects.requireNonNull(getClass().getResource("qpid-config.json"), "qpid-config.json");
		URL systemProperties = Objects.requireNonNull(getClass().getResource("qpid-system.properties"),
				"qpid-system.properties");
		Map<String, Object> context = new HashMap<>();
		context.put("qpid.work_dir", this.workDirectory.toAbsolutePath().toString());
		context.put("qpid.amqp_port", String.valueOf(this.port));
		context.put("hopper.amqp.username", USERNAME);
		context.put("hopper.amqp.password", PASSWORD);
		context.put("hopper.amqp.store_type", this.persistent ? "DERBY" : "Memory");
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("type", "Memory");
		attributes.put("initialConfigurationLocation", config.toExternalForm());
		attributes.put("initialSystemPropertiesLocation", systemProperties.toExternalForm());
		attributes.put("startupLoggedToSystemOut", false);
		attributes.put("context", context);
		this.launcher = new SystemLauncher();
		this.launcher.startup(attributes);
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		if (this.launcher != null) {
			this.launcher.shutdown();
		}
	}

}

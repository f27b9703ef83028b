package dev.hopper.storage.embedded;

import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.BrokerImpl;
import org.apache.qpid.server.model.SystemConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker in process (Apache Qpid Broker-J). Messages persist in a Derby store
 * under the work directory, so queued tasks survive a restart.
 */
public final class EmbeddedAmqpBroker implements EmbeddedServer {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

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
		AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
		this.launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
			@Override
			public void onContainerResolve(SystemConfig<?> config) {
				systemConfig.set(config);
			}
		});
		this.launcher.startup(attributes);
		withdrawShutdownHook(systemConfig.get());
	}

	/**
	 * Qpid registers a JVM shutdown hook that would stop the broker while the app's listeners
	 * still use it; the owner of this broker stops it instead, after the app.
	 */
	private static void withdrawShutdownHook(@Nullable SystemConfig<?> systemConfig) {
		try {
			Object broker = Objects.requireNonNull(systemConfig).getContainer(Broker.class);
			// the container is a generated subclass of BrokerImpl, which declares the field
			Field hook = BrokerImpl.class.getDeclaredField("_shutdownHook");
			hook.setAccessible(true);
			Runtime.getRuntime().removeShutdownHook((Thread) hook.get(broker));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Could not withdraw Qpid's shutdown hook; the broker may stop before the app: {}",
					ex.toString());
		}
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

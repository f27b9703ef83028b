package dev.hopper.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.hopper.api.HopperApi;
import dev.hopper.storage.StorageConfiguration;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import dev.hopper.workers.HopperWorkers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hopper on a laptop: embedded MongoDB, AMQP broker, S3 and Redis, with the api and the
 * workers in one Spring context. Data lives under {@code ./data} (or {@code HOPPER_DATA_DIR}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableScheduling
@ComponentScan(basePackages = { "dev.hopper.api", "dev.hopper.workers", "dev.hopper.jobs" },
		excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
				classes = { HopperApi.class, HopperWorkers.class }))
@Import(StorageConfiguration.class)
public class HopperStandalone {

	public static void main(String[] args) {
		Path dataDirectory = Path.of(System.getenv().getOrDefault("HOPPER_DATA_DIR", "data"));
		DevelopmentKeys keys = DevelopmentKeys.in(dataDirectory);
		EmbeddedInfrastructure infrastructure = start(dataDirectory);
		ConfigurableApplicationContext context;
		try {
			Map<String, Object> properties = new HashMap<>(infrastructure.properties());
			properties.putAll(keys.properties());
			context = application(properties).run(args);
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
		// the context (listeners, then connections) closes before the servers it talks to
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			context.close();
			infrastructure.close();
		}, "hopper-shutdown"));
		Banner.print(context, keys);
	}

	/** Every embedded server, persisting under {@code dataDirectory}. */
	public static EmbeddedInfrastructure start(Path dataDirectory) {
		return new EmbeddedInfrastructure().mongo(dataDirectory.resolve("mongo"))
			.broker(dataDirectory.resolve("broker"), true)
			.s3(dataDirectory.resolve("s3"))
			.redis(dataDirectory.resolve("redis"));
	}

	/** The standalone app with {@code properties} (where the infrastructure is); the caller closes it. */
	public static SpringApplication application(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(HopperStandalone.class);
		Map<String, Object> defaults = new HashMap<>(properties);
		defaults.put("spring.config.name", "hopper-standalone");
		application.setDefaultProperties(defaults);
		application.setRegisterShutdownHook(false);
		return application;
	}

}

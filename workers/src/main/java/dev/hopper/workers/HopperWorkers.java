package dev.hopper.workers;

import java.util.HashMap;
import java.util.Map;

import dev.hopper.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The worker app, run on its own in distributed mode. */
@SpringBootApplication(scanBasePackages = { "dev.hopper.workers", "dev.hopper.jobs" })
@Import(StorageConfiguration.class)
public class HopperWorkers {

	public static void main(String[] args) {
		application(Map.of()).run(args);
	}

	/** This app with {@code properties} as defaults, reading its own {@code hopper-workers.yml}. */
	public static SpringApplication application(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(HopperWorkers.class);
		Map<String, Object> defaults = new HashMap<>(properties);
		// a named config file, so the standalone jar can hold both apps without collisions
		defaults.put("spring.config.name", "hopper-workers");
		application.setDefaultProperties(defaults);
		return application;
	}

}

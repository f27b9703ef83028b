package dev.hopper.workers;

import dev.hopper.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The worker app, run on its own in distributed mode. */
@SpringBootApplication(scanBasePackages = { "dev.hopper.workers", "dev.hopper.jobs" })
@Import(StorageConfiguration.class)
public class HopperWorkers {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HopperWorkers.class);
		// named config, so the standalone jar can hold both apps without their files colliding
		application.setDefaultProperties(java.util.Map.of("spring.config.name", "hopper-workers"));
		application.run(args);
	}

}

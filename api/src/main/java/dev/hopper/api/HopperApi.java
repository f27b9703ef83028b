package dev.hopper.api;

import dev.hopper.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The api app, run on its own in distributed mode. */
@SpringBootApplication
@EnableScheduling
@Import(StorageConfiguration.class)
public class HopperApi {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HopperApi.class);
		// named config, so the standalone jar can hold both apps without their files colliding
		application.setDefaultProperties(java.util.Map.of("spring.config.name", "hopper-api"));
		application.run(args);
	}

}

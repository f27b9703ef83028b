package dev.hopper.api;

import java.util.HashMap;
import java.util.Map;


import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The api app, run on its own in distributed mode. */
@SpringBootApplication
@EnableScheduling
public class HopperApi {

	public static void main(String[] args) {
		application(Map.of()).run(args);
	}

	/** This app with {@code properties} as defaults, reading its own {@code hopper-api.yml}. */
	public static SpringApplication application(Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(HopperApi.class);
		Map<String, Object> defaults = new HashMap<>(properties);
		// a named config file, so the standalone jar can hold both apps without collisions
		defaults.put("spring.config.name", "hopper-api");
		application.setDefaultProperties(defaults);
		return application;
	}

}

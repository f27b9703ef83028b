package dev.hopper.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.hopper.storage.embedded.EmbeddedInfrastructure;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The scenarios against the real RabbitMQ (guest/guest on 5672) and Redis (6379) on this
 * machine, with MongoDB and S3 embedded. CI runs those services, so there a missing one is
 * a failure; elsewhere the test skips.
 */
class LocalServicesEndToEndIntegrationTests extends EndToEndScenarios {

	private EmbeddedInfrastructure embedded;

	@Override
	protected Map<String, Object> infrastructure() throws IOException {
		assumeThat(LocalServices.available()).as("RabbitMQ and Redis answer on localhost").isTrue();
		Path directory = Files.createTempDirectory("hopper-it");
		this.embedded = new EmbeddedInfrastructure().inMemoryMongo().s3(directory.resolve("s3"));
		Map<String, Object> properties = new HashMap<>(this.embedded.properties());
		properties.putAll(LocalServices.properties());
		return properties;
	}

	@Override
	protected void stopInfrastructure() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}

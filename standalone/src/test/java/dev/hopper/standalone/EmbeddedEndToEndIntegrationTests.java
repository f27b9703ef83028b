package dev.hopper.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hopper.storage.embedded.EmbeddedInfrastructure;

/**
 * The scenarios on the infrastructure standalone mode embeds: Qpid Broker-J, the
 * redis-server binary, mongo-java-server and S3Proxy.
 */
class EmbeddedEndToEndIntegrationTests extends EndToEndScenarios {

	private EmbeddedInfrastructure embedded;

	@Override
	protected Map<String, Object> infrastructure() throws IOException {
		Path directory = Files.createTempDirectory("hopper-embedded-it");
		this.embedded = HopperStandalone.start(directory);
		return this.embedded.properties();
	}

	@Override
	protected void stopInfrastructure() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}

package dev.hopper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import dev.hopper.client.HopperClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the server is and which key to use: {@code --url}/{@code --key}, else
 * {@code HOPPER_URL}/{@code HOPPER_API_KEY}, else {@code url} and {@code key} in the config
 * file ({@code $XDG_CONFIG_HOME/hopper/config.properties}, by default under
 * {@code ~/.config}). The key is never printed.
 */
final class Connection {

	@Option(names = "--url", description = "The server, e.g. http://127.0.0.1:8080")
	@Nullable String url;

	@Option(names = "--key", description = "The API key (better: HOPPER_API_KEY)")
	@Nullable String key;

	/** How long a command waits out a tenant's quota (429 answers) before it gives up with exit code 3. */
	static final Duration QUOTA_PATIENCE = Duration.ofMinutes(10);

	/** The client this command line's options, the environment and the config file name. */
	HopperClient client() throws IOException {
		return client(System.getenv());
	}

	HopperClient client(Map<String, String> environment) throws IOException {
		Properties file = configFile(environment);
		String server = first(this.url, environment.get("HOPPER_URL"), file.getProperty("url"));
		if (server == null) {
			throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
					"No server: give --url, or set HOPPER_URL, or url in " + configPath(environment));
		}
		return HopperClient.builder(URI.create(server))
			.apiKey(first(this.key, environment.get("HOPPER_API_KEY"), file.getProperty("key")))
			.quotaPatience(QUOTA_PATIENCE)
			.build();
	}

	private static Properties configFile(Map<String, String> environment) throws IOException {
		Properties properties = new Properties();
		Path path = configPath(environment);
		if (Files.isReadable(path)) {
			try (InputStream in = Files.newInputStream(path)) {
				properties.load(in);
			}
		}
		return properties;
	}

	static Path configPath(Map<String, String> environment) {
		String base = environment.get("XDG_CONFIG_HOME");
		Path home = (base != null && !base.isBlank()) ? Path.of(base)
				: Path.of(System.getProperty("user.home"), ".config");
		return home.resolve("hopper").resolve("config.properties");
	}

	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

}

package dev.hopper.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import dev.hopper.core.tenant.ApiKeySecrets;

/**
 * Standalone mode's keys: a development API key, an admin key and the webhook signing key,
 * made on first start and kept (readable by the owner only) in the data directory, so they
 * survive restarts. Webhooks may call local endpoints here: this is a laptop.
 */
record DevelopmentKeys(String apiKey, String adminKey, String webhookSigningKey) {

	static DevelopmentKeys in(Path dataDirectory) {
		return new DevelopmentKeys(readOrCreate(dataDirectory.resolve("development-api-key")),
				readOrCreate(dataDirectory.resolve("admin-api-key")),
				readOrCreate(dataDirectory.resolve("webhook-signing-key")));
	}

	Map<String, Object> properties() {
		return Map.of("hopper.auth.development-key", this.apiKey, "hopper.auth.admin-key", this.adminKey,
				"hopper.webhooks.signing-key", this.webhookSigningKey, "hopper.webhooks.allow-private-addresses",
				true);
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(file.getParent());
			String key = ApiKeySecrets.generate();
			Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps its default permissions
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}

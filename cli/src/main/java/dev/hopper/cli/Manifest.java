package dev.hopper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What earlier runs uploaded, one JSON line per file: its path, size, modification time and
 * SHA-256, the job type and params, and the task it became. Running the same command again
 * skips every file listed unchanged. A line is written only once the server has accepted the
 * file; a file cut off mid-upload is sent again under the same idempotency key (made from the
 * same facts), so the server answers with the task it already made.
 */
final class Manifest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private Manifest(Path file) {
		this.file = file;
	}

	static Manifest at(Path file) throws IOException {
		Manifest manifest = new Manifest(file);
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					try {
						Entry entry = JSON.readValue(line, Entry.class);
						manifest.entries.put(entry.path(), entry);
					}
					catch (RuntimeException torn) {
						// a line cut short when a run was killed: that file is looked at again
					}
				}
			}
		}
		return manifest;
	}

	/** The task an earlier run made of this file, unchanged since, for the same work; null if none. */
	@Nullable String taskOf(Facts facts) {
		Entry entry = this.entries.get(facts.path());
		return (entry != null && entry.matches(facts)) ? entry.taskId() : null;
	}

	synchronized void record(Facts facts, String taskId) {
		Entry entry = new Entry(facts.path(), facts.size(), facts.modified(), facts.sha256(), facts.type(),
				facts.params(), taskId);
		this.entries.put(entry.path(), entry);
		try {
			Files.writeString(this.file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file as it is now, and the work asked of it. */
	record Facts(String path, long size, long modified, String sha256, String type, String params) {

		static Facts of(Path file, String type, String params) throws IOException {
			MessageDigest sha256;
			try {
				sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return new Facts(file.toAbsolutePath().normalize().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toMillis(), HexFormat.of().formatHex(sha256.digest()), type, params);
		}

		/** The same on every run for the same file and work: the server's idempotency key. */
		String idempotencyKey() {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				byte[] key = digest.digest(String.join("\n", this.path, this.sha256, this.type, this.params)
					.getBytes(StandardCharsets.UTF_8));
				return "hopper-cli-" + HexFormat.of().formatHex(key, 0, 24);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	record Entry(String path, long size, long modified, String sha256, String type, String params, String taskId) {

		boolean matches(Facts facts) {
			return this.size == facts.size() && this.modified == facts.modified() && this.sha256.equals(facts.sha256())
					&& this.type.equals(facts.type()) && this.params.equals(facts.params());
		}

	}

}

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
 * same facts), so the server answers with the task it already made. A run that groups its
 * files as a named batch writes a line for that batch too, and once more when it closes it.
 */
final class Manifest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	/** By path: what each line said, kept small (a digest of the facts), so 100,000 lines fit a small heap. */
	private final Map<String, Known> entries = new ConcurrentHashMap<>();

	private final Map<String, BatchEntry> batches = new ConcurrentHashMap<>();

	private Manifest(Path file) {
		this.file = file;
	}

	static Manifest at(Path file) throws IOException {
		Manifest manifest = new Manifest(file);
		if (Files.exists(file)) {
			try (java.io.BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.isBlank()) {
						continue;
					}
					try {
						if (JSON.readTree(line).has("batch")) {
							BatchEntry batch = JSON.readValue(line, BatchEntry.class);
							manifest.batches.put(batch.batch(), batch);
						}
						else {
							Entry entry = JSON.readValue(line, Entry.class);
							manifest.entries.put(entry.path(), new Known(entry.facts().digest(), entry.taskId()));
						}
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
		Known known = this.entries.get(facts.path());
		return (known != null && known.digest().equals(facts.digest())) ? known.taskId() : null;
	}

	synchronized void record(Facts facts, String taskId) {
		Entry entry = new Entry(facts.path(), facts.size(), facts.modified(), facts.sha256(), facts.type(),
				facts.params(), taskId);
		this.entries.put(entry.path(), new Known(facts.digest(), taskId));
		append(entry);
	}

	/** The batch an earlier run opened under {@code name}; null if none. */
	@Nullable BatchEntry batch(String name) {
		return this.batches.get(name);
	}

	synchronized void record(BatchEntry batch) {
		this.batches.put(batch.batch(), batch);
		append(batch);
	}

	private void append(Object line) {
		try {
			Files.writeString(this.file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file as it is now, and the work asked of it. */
	record Facts(String path, long size, long modified, String sha256, String type, String params) {

		static Facts of(Path file, String type, String params) throws IOException {
			MessageDigest sha256 = newSha256();
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return new Facts(file.toAbsolutePath().normalize().toString(), Files.size(file),
					Files.getLastModifiedTime(file).toMillis(), HexFormat.of().formatHex(sha256.digest()), type, params);
		}

		/** The same on every run for the same file and work: the server's idempotency key. */
		String idempotencyKey() {
			byte[] key = newSha256().digest(String.join("\n", this.path, this.sha256, this.type, this.params)
				.getBytes(StandardCharsets.UTF_8));
			return "hopper-cli-" + HexFormat.of().formatHex(key, 0, 24);
		}

		/** 128 bits of the facts but the path (which keys the manifest): what a later run compares. */
		Digest digest() {
			java.nio.ByteBuffer bits = java.nio.ByteBuffer.wrap(newSha256().digest(String.join("\n",
					Long.toString(this.size), Long.toString(this.modified), this.sha256, this.type, this.params)
				.getBytes(StandardCharsets.UTF_8)));
			return new Digest(bits.getLong(), bits.getLong());
		}

	}

	record Digest(long high, long low) {
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A manifest line about a file. */
	record Entry(String path, long size, long modified, String sha256, String type, String params, String taskId) {

		Facts facts() {
			return new Facts(this.path, this.size, this.modified, this.sha256, this.type, this.params);
		}

	}

	/** A line as remembered, kept small: the task, and the digest of the facts it was made from. */
	private record Known(Digest digest, String taskId) {
	}

	/** A batch a run opened under a name of its user's, for files of this type and params. */
	record BatchEntry(String batch, String id, String type, String params, boolean closed) {

		BatchEntry closing() {
			return new BatchEntry(this.batch, this.id, this.type, this.params, true);
		}

	}

}

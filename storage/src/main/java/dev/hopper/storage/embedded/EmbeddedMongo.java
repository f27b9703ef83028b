package dev.hopper.storage.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB wire-protocol server (mongo-java-server): H2 file backend, or in memory. Its
 * commands are not atomic with each other: two clients' {@code findAndModify} can read the
 * same document before either writes, so a sequence ($inc) hands out one number twice and
 * Spring Batch gives two jobs one execution id. One network thread runs every command in
 * turn, as a real server's document locks would.
 */
public final class EmbeddedMongo implements EmbeddedServer {

	private final @Nullable Path file;

	private @Nullable MongoServer server;

	private int port;

	/** @param file the H2 store file, or {@code null} to keep everything in memory */
	public EmbeddedMongo(@Nullable Path file) {
		this.file = file;
	}

	@Override
	public void start() throws java.io.IOException {
		if (this.file != null) {
			java.nio.file.Files.createDirectories(this.file.toAbsolutePath().getParent());
		}
		MongoBackend backend = (this.file != null) ? IndexedBackends.inFile(this.file.toString())
				: IndexedBackends.inMemory();
		this.server = new MongoServer(backend);
		this.port = FreePort.find();
		this.server.bind(new InetSocketAddress("127.0.0.1", this.port), 1, 1);
	}

	public String uri(String database) {
		return "mongodb://127.0.0.1:" + this.port + "/" + database;
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.shutdown();
		}
	}

}

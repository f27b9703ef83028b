package dev.hopper.storage.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/** A real redis-server binary (shipped in embedded-redis), snapshotting to a directory. */
public final class EmbeddedRedis implements EmbeddedServer {

	private final Path directory;

	private @Nullable RedisServer server;

	private int port;

	public EmbeddedRedis(Path directory) {
		this.directory = directory;
	}

	@Override
	public void start() throws Exception {
		Files.createDirectories(this.directory);
		this.port = FreePort.find();
		this.server = RedisServer.newRedisServer()
			.port(this.port)
			.bind("127.0.0.1")
			.setting("dir " + this.directory.toAbsolutePath())
			.setting("appendonly no")
			.setting("save 60 1")
			.build();
		this.server.start();
	}

	public String address() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		if (this.server != null) {
			try {
				this.server.stop();
			}
			catch (Exception ex) {
				throw new IllegalStateException("redis-server did not stop", ex);
			}
		}
	}

}

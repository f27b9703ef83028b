package dev.hopper.storage.embedded;

/** An in-process server that binds to a free loopback port on {@link #start()}. */
public interface EmbeddedServer extends AutoCloseable {

	void start() throws Exception;

	@Override
	void close();

}

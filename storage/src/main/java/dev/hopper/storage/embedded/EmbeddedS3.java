package dev.hopper.storage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.jspecify.annotations.Nullable;

/** An S3 endpoint (S3Proxy) storing objects as files under a directory. */
public final class EmbeddedS3 implements EmbeddedServer {

	public static final String ACCESS_KEY = "hopper";

	public static final String SECRET_KEY = "hopper-embedded-secret";

	private final Path directory;

	private @Nullable S3Proxy proxy;

	private int port;

	public EmbeddedS3(Path directory) {
		this.directory = directory;
	}

	@Override
	public void start() throws Exception {
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.port = FreePort.find();
		this.proxy = S3Proxy.builder()
			.blobStore(new FilesystemNio2BlobStore(this.directory.toAbsolutePath().toString()))
			.endpoint(URI.create("http://127.0.0.1:" + this.port))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		this.proxy.start();
		while (!"STARTED".equals(this.proxy.getState())) {
			Thread.sleep(10);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		if (this.proxy != null) {
			try {
				this.proxy.stop();
			}
			catch (Exception ex) {
				throw new IllegalStateException("S3Proxy did not stop", ex);
			}
		}
	}

}

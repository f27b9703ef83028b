package dev.hopper.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import dev.hopper.storage.embedded.EmbeddedInfrastructure;

/**
 * MongoDB and S3, embedded, as a process of their own: the stores the distributed topology's
 * apps share. Prints {@code property KEY=VALUE} lines and {@code stores ready}, then serves
 * until its standard input closes (its parent ended), so it never outlives the test.
 * Usage: StoresProcess DIRECTORY
 */
public final class StoresProcess {

	static final String READY = "stores ready";

	private StoresProcess() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		try (EmbeddedInfrastructure stores = new EmbeddedInfrastructure().mongo(directory.resolve("mongo"))
			.s3(directory.resolve("s3"))) {
			for (Map.Entry<String, Object> property : stores.properties().entrySet()) {
				System.out.println("property " + property.getKey() + "=" + property.getValue());
			}
			System.out.println(READY);
			System.out.flush();
			System.in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		System.exit(0);
	}

}

package dev.hopper.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every executable jar the build makes carries Hopper's licence, the notice and the LGPL's
 * text, and the notice names every library the jar ships (tools/licenses/notice rewrites it).
 * The CLI's own jar is made after these tests run; it gets the same files the same way.
 */
class ShippedLicencesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyExecutableJarCarriesTheNoticeAndTheNoticeNamesEveryLibraryItShips() throws IOException {
		String notice = Files.readString(ROOT.resolve("NOTICE"));
		List<Path> jars = executableJars();
		assertThat(jars).hasSize(3);
		List<String> unlisted = new ArrayList<>();
		for (Path jar : jars) {
			try (ZipFile zip = new ZipFile(jar.toFile())) {
				for (String file : List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/licenses/LGPL-2.1.txt")) {
					assertThat(zip.getEntry(file)).as(jar.getFileName() + " " + file).isNotNull();
				}
				zip.stream()
					.map(ZipEntry::getName)
					.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
					.map((name) -> name.substring("BOOT-INF/lib/".length(), name.length() - ".jar".length()))
					.filter((library) -> !library.startsWith("hopper-"))
					.filter((library) -> !notice.contains(":" + library + " | "))
					.forEach((library) -> unlisted.add(jar.getFileName() + ": " + library));
			}
		}
		assertThat(unlisted).as("libraries shipped but not in NOTICE (run tools/licenses/notice)").isEmpty();
		assertThat(notice).contains("jflac-codec", "jlayer", "jorbis", "GNU Lesser General Public License");
	}

	private static List<Path> executableJars() throws IOException {
		List<Path> jars = new ArrayList<>();
		jars.add(ROOT.resolve("standalone/target/hopper-standalone.jar"));
		for (String app : List.of("api", "workers")) {
			try (DirectoryStream<Path> found = Files.newDirectoryStream(ROOT.resolve(app + "/target"),
					"hopper-" + app + "-*-exec.jar")) {
				found.forEach(jars::add);
			}
		}
		return jars;
	}

}

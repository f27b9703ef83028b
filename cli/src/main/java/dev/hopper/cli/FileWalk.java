package dev.hopper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under the paths given, folders read recursively, in name order: one folder's
 * listing in memory at a time, so a run's memory does not grow with the files it sends.
 */
final class FileWalk {

	private FileWalk() {
	}

	/** What {@link #each} hears of: a file as given, and its name below the folder it was found in. */
	interface Visitor {

		void file(Path path, String name) throws Exception;

	}

	/** Checks every path exists before anything is sent. */
	static void check(List<Path> paths) throws NoSuchPath {
		for (Path path : paths) {
			if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
				throw new NoSuchPath(path);
			}
		}
	}

	static void each(List<Path> paths, Visitor visitor) throws Exception {
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				walk(path, path, visitor);
			}
			else {
				visitor.file(path, path.getFileName().toString());
			}
		}
	}

	private static void walk(Path root, Path folder, Visitor visitor) throws Exception {
		List<Path> entries;
		try (Stream<Path> listing = Files.list(folder)) {
			entries = listing.sorted().toList();
		}
		for (Path entry : entries) {
			if (Files.isDirectory(entry)) {
				walk(root, entry, visitor);
			}
			else if (Files.isRegularFile(entry)) {
				visitor.file(entry, root.relativize(entry).toString().replace('\\', '/'));
			}
		}
	}

	/** Files and bytes under the paths. */
	static long[] count(List<Path> paths) throws Exception {
		long[] counted = new long[2];
		each(paths, (path, name) -> {
			counted[0]++;
			try {
				counted[1] += Files.size(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return counted;
	}

	static final class NoSuchPath extends Exception {

		NoSuchPath(Path path) {
			super("No such file: " + path, null, false, false);
		}

	}

}

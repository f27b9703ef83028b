package dev.hopper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under the paths given, folders read recursively, in name order: one folder's
 * listing in memory at a time, so a run's memory does not grow with the files it sends. A
 * path that does not exist but holds glob characters ({@code recordings/**.wav}, quoted so
 * the shell leaves it) is a pattern, matched below its longest plain leading folder.
 */
final class FileWalk {

	private FileWalk() {
	}

	/** What {@link #each} hears of: a file as given, and its name below the folder it was found in. */
	interface Visitor {

		void file(Path path, String name) throws Exception;

	}

	/** Checks every path exists before anything is sent. */
	static void check(List<Path> paths) throws Exception {
		for (Path path : paths) {
			if (isPattern(path)) {
				boolean[] any = new boolean[1];
				walk(base(path), base(path), matcher(path), (file, name) -> any[0] = true);
				if (!any[0]) {
					throw new NoSuchPath("No file matches " + path);
				}
			}
			else if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
				throw new NoSuchPath("No such file: " + path);
			}
		}
	}

	static void each(List<Path> paths, Visitor visitor) throws Exception {
		for (Path path : paths) {
			if (isPattern(path)) {
				walk(base(path), base(path), matcher(path), visitor);
			}
			else if (Files.isDirectory(path)) {
				walk(path, path, (file) -> true, visitor);
			}
			else {
				visitor.file(path, path.getFileName().toString());
			}
		}
	}

	private static boolean isPattern(Path path) {
		return !Files.exists(path) && path.toString().chars().anyMatch((c) -> "*?[{".indexOf(c) >= 0);
	}

	/** The pattern's leading folders without glob characters: where its files are looked for. */
	private static Path base(Path pattern) {
		Path base = (pattern.getRoot() != null) ? pattern.getRoot() : Path.of("");
		for (Path part : pattern) {
			if (part.toString().chars().anyMatch((c) -> "*?[{".indexOf(c) >= 0)) {
				break;
			}
			base = base.resolve(part);
		}
		return base.toString().isEmpty() ? Path.of(".") : base;
	}

	private static PathMatcher matcher(Path pattern) {
		PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		boolean relativeToHere = pattern.getRoot() == null && base(pattern).equals(Path.of("."));
		// a bare pattern (*.wav) is matched against the names below the current folder, not ./a.wav
		return relativeToHere ? (file) -> glob.matches(Path.of(".").relativize(file)) : glob;
	}

	private static void walk(Path root, Path folder, PathMatcher wanted, Visitor visitor) throws Exception {
		List<Path> entries;
		try (Stream<Path> listing = Files.list(folder)) {
			entries = listing.sorted().toList();
		}
		for (Path entry : entries) {
			if (Files.isDirectory(entry)) {
				walk(root, entry, wanted, visitor);
			}
			else if (Files.isRegularFile(entry) && wanted.matches(entry)) {
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

		NoSuchPath(String message) {
			super(message, null, false, false);
		}

	}

}

package dev.hopper.api.intake;

import org.jspecify.annotations.Nullable;

/** Client file names are kept only as metadata, and only after this makes them harmless. */
final class FileNames {

	private static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/** The last path segment, without control characters, at most 255 characters; "upload" if nothing is left. */
	static String sanitise(@Nullable String clientName) {
		if (clientName == null) {
			return "upload";
		}
		String name = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.limit(MAX_LENGTH)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		return (result.isEmpty() || result.equals(".") || result.equals("..")) ? "upload" : result;
	}

}

package dev.hopper.api.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import org.jspecify.annotations.Nullable;

/**
 * What a client has seen of a task: a digest of everything that can change about it except
 * the heartbeat, used as its ETag, as the SSE event id, and to decide whether a long poll
 * has something new to say.
 */
final class TaskVersion {

	private TaskVersion() {
	}

	/** The bare version: the SSE event id. */
	static String of(Task task) {
		TaskError error = task.error();
		String fields = String.join("|", task.state().name(), Long.toString(task.progress().done()),
				Long.toString(task.progress().total()), Integer.toString(task.attempts()),
				(error != null) ? error.code() + ":" + error.message() : "", Boolean.toString(task.cancelRequested()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The version as a weak ETag: the heartbeat age in the body may differ under it. */
	static String etag(Task task) {
		return "W/\"" + of(task) + "\"";
	}

	/** Whether an {@code If-None-Match} header names this version. */
	static boolean matches(@Nullable String ifNoneMatch, Task task) {
		if (ifNoneMatch == null) {
			return false;
		}
		String version = of(task);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals("W/\"" + version + "\"") || tag.equals("\"" + version + "\"")) {
				return true;
			}
		}
		return false;
	}

}

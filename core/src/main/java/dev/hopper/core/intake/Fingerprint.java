package dev.hopper.core.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hopper.core.task.JobType;
import org.jspecify.annotations.Nullable;

/**
 * The work a request asks for, as one SHA-256: job type, file content and parameters. The
 * parameters are written canonically (keys sorted, numbers as written), so {"a":1,"b":2}
 * and {"b":2,"a":1} are the same work.
 */
public final class Fingerprint {

	private Fingerprint() {
	}

	public static String of(JobType type, String fileSha256, Map<String, Object> params) {
		return sha256(type.wireName() + "\n" + fileSha256 + "\n" + canonical(params));
	}

	/** The parameters alone, canonical and hashed. */
	public static String ofParams(Map<String, Object> params) {
		return sha256(canonical(params));
	}

	static String canonical(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value);
		return out.toString();
	}

	private static void write(StringBuilder out, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
				out.append(first ? "" : ",");
				writeString(out, entry.getKey());
				out.append(':');
				write(out, entry.getValue());
				first = false;
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i > 0) ? "," : "");
				write(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof String text) {
			writeString(out, text);
		}
		else {
			out.append(value);
		}
	}

	private static Map<String, Object> sorted(Map<?, ?> map) {
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
		return sorted;
	}

	private static void writeString(StringBuilder out, String text) {
		out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

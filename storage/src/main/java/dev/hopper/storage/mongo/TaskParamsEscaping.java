package dev.hopper.storage.mongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.hopper.core.task.Task;
import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * A task's parameters are the client's JSON, and JSON allows keys that a MongoDB document
 * cannot hold as they are: with a dot, starting with {@code $}, or with NUL. They are stored
 * escaped ({@code %} → {@code %25}, {@code .} → {@code %2E}, a leading {@code $} →
 * {@code %24}, NUL → {@code %00}) and read back as sent, at every depth, so nothing a
 * client sends is refused or changed for storage's sake.
 */
final class TaskParamsEscaping implements BeforeConvertCallback<Task>, AfterConvertCallback<Task> {

	@Override
	public Task onBeforeConvert(Task task, String collection) {
		return task.withParams(rewriteKeys(task.params(), TaskParamsEscaping::escape));
	}

	@Override
	public Task onAfterConvert(Task task, Document document, String collection) {
		return task.withParams(rewriteKeys(task.params(), TaskParamsEscaping::unescape));
	}

	static String escape(String key) {
		StringBuilder escaped = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			switch (c) {
				case '%' -> escaped.append("%25");
				case '.' -> escaped.append("%2E");
				case '\0' -> escaped.append("%00");
				case '$' -> escaped.append((i == 0) ? "%24" : "$");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String key) {
		if (key.indexOf('%') < 0) {
			return key;
		}
		StringBuilder plain = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			String code = (key.charAt(i) == '%' && i + 3 <= key.length()) ? key.substring(i + 1, i + 3) : "";
			switch (code) {
				case "25" -> plain.append('%');
				case "2E" -> plain.append('.');
				case "00" -> plain.append('\0');
				case "24" -> plain.append('$');
				default -> {
					plain.append(key.charAt(i));
					continue;
				}
			}
			i += 2;
		}
		return plain.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> rewriteKeys(Map<String, Object> map, UnaryOperator<String> rewrite) {
		Map<String, Object> rewritten = new LinkedHashMap<>();
		map.forEach((key, value) -> rewritten.put(rewrite.apply(key), rewriteValue(value, rewrite)));
		return rewritten;
	}

	@SuppressWarnings("unchecked")
	private static Object rewriteValue(Object value, UnaryOperator<String> rewrite) {
		if (value instanceof Map<?, ?> map) {
			return rewriteKeys((Map<String, Object>) map, rewrite);
		}
		if (value instanceof List<?> list) {
			List<Object> rewritten = new ArrayList<>(list.size());
			list.forEach((element) -> rewritten.add(rewriteValue(element, rewrite)));
			return rewritten;
		}
		return value;
	}

}

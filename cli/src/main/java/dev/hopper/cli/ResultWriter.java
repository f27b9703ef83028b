package dev.hopper.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hopper.client.Task;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results into a folder: one JSON file per task, or one table, {@code results.jsonl} (a task
 * and its whole result per line) or {@code results.csv} (a task per row, its result
 * flattened: nested fields as {@code a.b}, lists as their length {@code a.count}, the lists
 * inside a list of objects summed, e.g. a plan's {@code levels.slots.count}). The CSV's
 * columns are those of the first result; every result of one job type has them.
 */
final class ResultWriter implements Closeable {

	enum Format {

		JSON, JSONL, CSV

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	private final Format format;

	private @Nullable BufferedWriter table;

	private @Nullable List<String> columns;

	private ResultWriter(Path folder, Format format) {
		this.folder = folder;
		this.format = format;
	}

	static ResultWriter into(Path folder, Format format) throws IOException {
		Files.createDirectories(folder);
		ResultWriter writer = new ResultWriter(folder, format);
		if (format != Format.JSON) {
			writer.table = Files.newBufferedWriter(folder.resolve("results." + format.name().toLowerCase()),
					StandardCharsets.UTF_8);
		}
		return writer;
	}

	/** Writes {@code task}'s result; {@code name} (a relative path) names its JSON file. */
	synchronized void write(String name, Task task, Map<String, Object> result) throws IOException {
		switch (this.format) {
			case JSON -> {
				Path file = this.folder.resolve(name + ".json").normalize();
				if (!file.startsWith(this.folder.normalize())) {
					throw new IOException("Not inside " + this.folder + ": " + name);
				}
				Files.createDirectories(file.getParent());
				Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
			}
			case JSONL -> {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("taskId", task.id());
				line.put("file", task.fileName());
				line.put("state", task.state().name());
				line.put("result", result);
				this.table.write(JSON.writeValueAsString(line));
				this.table.newLine();
			}
			case CSV -> {
				Map<String, String> row = new LinkedHashMap<>();
				row.put("taskId", task.id());
				row.put("file", (task.fileName() != null) ? task.fileName() : "");
				row.put("state", task.state().name());
				flatten("", result, row);
				if (this.columns == null) {
					this.columns = new ArrayList<>(row.keySet());
					csvLine(this.columns);
				}
				csvLine(this.columns.stream().map((column) -> row.getOrDefault(column, "")).toList());
			}
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.table != null) {
			this.table.close();
		}
	}

	private void csvLine(List<String> cells) throws IOException {
		List<String> quoted = new ArrayList<>(cells.size());
		for (String cell : cells) {
			boolean plain = cell.chars().noneMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r');
			quoted.add(plain ? cell : "\"" + cell.replace("\"", "\"\"") + "\"");
		}
		this.table.write(String.join(",", quoted));
		this.table.write("\r\n");
	}

	static void flatten(String prefix, @Nullable Object value, Map<String, String> into) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, inner) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, inner, into));
		}
		else if (value instanceof List<?> list) {
			into.put(prefix + ".count", Integer.toString(list.size()));
			Map<String, Integer> inside = new LinkedHashMap<>();
			for (Object element : list) {
				if (element instanceof Map<?, ?> object) {
					object.forEach((key, inner) -> {
						if (inner instanceof List<?> innerList) {
							inside.merge(prefix + "." + key + ".count", innerList.size(), Integer::sum);
						}
					});
				}
			}
			inside.forEach((column, count) -> into.put(column, Integer.toString(count)));
		}
		else {
			into.put(prefix, (value != null) ? value.toString() : "");
		}
	}

}

package dev.hopper.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.hopper.client.Task;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an upload run tells its user as it goes. On a terminal: bars for bytes and for tasks,
 * redrawn in place, with refusals and failures printed above them. Otherwise (a pipe, a CI
 * log) or with {@code --json}: one line per event, in the order they happen.
 */
abstract class Progress {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Lines, JSON lines, or bars when {@code terminal}. */
	static Progress of(PrintWriter out, boolean json, boolean terminal) {
		if (json) {
			return new Lines(out, true);
		}
		return terminal ? new ProgressBars(out) : new Lines(out, false);
	}

	/** Files and bytes the run will look at. */
	void planned(int files, long bytes) {
	}

	/** Bytes of files sent (sent again on a retry: counted again). */
	void sent(long bytes) {
	}

	abstract void skipped(String file, String taskId);

	abstract void queued(String file, String taskId);

	abstract void refused(String file, String code);

	/** A followed task changed: running, or final. */
	abstract void changed(String file, Task task, Task.State before);

	/** The run is over; no more events. */
	void finished() {
	}

	/** One line per event: {@code <event> <file> <task id or code>}, or that as JSON. */
	static final class Lines extends Progress {

		private final PrintWriter out;

		private final boolean json;

		Lines(PrintWriter out, boolean json) {
			this.out = out;
			this.json = json;
		}

		@Override
		void skipped(String file, String taskId) {
			event("skipped", file, taskId);
		}

		@Override
		void queued(String file, String taskId) {
			event("queued", file, taskId);
		}

		@Override
		void refused(String file, String code) {
			event("refused", file, code);
		}

		@Override
		void changed(String file, Task task, Task.State before) {
			event(task.state().name().toLowerCase(Locale.ROOT), file, task.id());
		}

		private synchronized void event(String what, String file, String detail) {
			if (this.json) {
				Map<String, String> event = new LinkedHashMap<>();
				event.put("event", what);
				event.put("file", file);
				event.put("detail", detail);
				this.out.println(JSON.writeValueAsString(event));
			}
			else {
				this.out.println(what + " " + file + " " + detail);
			}
			this.out.flush();
		}

	}

}

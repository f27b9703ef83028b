package dev.hopper.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.hopper.client.Task;

/**
 * Two lines redrawn in place on a terminal (ANSI: cursor up, clear line), at most ten times a
 * second: bytes sent of all, and the tasks by state. A refusal or failure is printed above
 * them and stays in the scrollback.
 */
final class ProgressBars extends Progress {

	private static final int WIDTH = 28;

	private static final long REDRAW_NANOS = 100_000_000L;

	private final PrintWriter out;

	private int files;

	private long bytes;

	private long sentBytes;

	private int queued;

	private int running;

	private int succeeded;

	private int failed;

	private int refused;

	private boolean drawn;

	private long drawnAt;

	ProgressBars(PrintWriter out) {
		this.out = out;
	}

	@Override
	synchronized void planned(int files, long bytes) {
		this.files = files;
		this.bytes = bytes;
		draw(true);
	}

	@Override
	synchronized void sent(long bytes) {
		this.sentBytes += bytes;
		draw(false);
	}

	@Override
	synchronized void skipped(String file, String taskId) {
		this.queued++;
		draw(false);
	}

	@Override
	synchronized void queued(String file, String taskId) {
		this.queued++;
		draw(false);
	}

	@Override
	synchronized void refused(String file, String code) {
		this.refused++;
		above("refused " + file + " " + code);
	}

	@Override
	synchronized void changed(String file, Task task, Task.State before) {
		if (before == Task.State.QUEUED) {
			this.queued--;
		}
		else if (before == Task.State.RUNNING) {
			this.running--;
		}
		switch (task.state()) {
			case QUEUED -> this.queued++;
			case RUNNING -> this.running++;
			case SUCCEEDED -> this.succeeded++;
			default -> {
				this.failed++;
				above(task.state().name().toLowerCase(Locale.ROOT) + " " + file + " " + task.id()
						+ ((task.error() != null) ? " " + task.error().code() : ""));
			}
		}
		draw(false);
	}

	@Override
	synchronized void finished() {
		draw(true);
		this.out.println();
		this.out.flush();
	}

	private void above(String line) {
		if (this.drawn) {
			this.out.print("\r\033[1A\033[2K");
		}
		this.out.print(line + "\n\033[2K");
		this.drawn = false;
		draw(true);
	}

	private void draw(boolean now) {
		long at = System.nanoTime();
		if (!now && this.drawn && at - this.drawnAt < REDRAW_NANOS) {
			return;
		}
		if (this.drawn) {
			this.out.print("\r\033[1A");
		}
		long shown = Math.min(this.sentBytes, this.bytes);
		double share = (this.bytes > 0) ? (double) shown / this.bytes : 1;
		this.out.print("\033[2K" + bar(share) + String.format(Locale.ROOT, " %3d%% %s of %s", Math.round(share * 100),
				size(shown), size(this.bytes)) + "\n");
		int done = this.succeeded + this.failed;
		double finished = (this.files > 0) ? (double) done / this.files : 1;
		this.out.print("\033[2K" + bar(finished) + String.format(Locale.ROOT,
				" %d queued · %d running · %d done · %d failed · %d refused", this.queued, this.running,
				this.succeeded, this.failed, this.refused));
		this.out.flush();
		this.drawn = true;
		this.drawnAt = at;
	}

	private static String bar(double share) {
		int full = (int) Math.round(Math.max(0, Math.min(1, share)) * WIDTH);
		return "[" + "#".repeat(full) + ".".repeat(WIDTH - full) + "]";
	}

	private static String size(long bytes) {
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}

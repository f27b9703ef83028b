package dev.hopper.core.task;

/** How much of a task's work is done, in the job's own units (audio segments, files). */
public record Progress(long done, long total) {

	public static final Progress NONE = new Progress(0, 0);

	public Progress {
		if (done < 0 || total < 0) {
			throw new IllegalArgumentException("progress must not be negative: " + done + "/" + total);
		}
	}

	/** Whole percent done, 0 when the total is not known yet. */
	public int percent() {
		return (this.total == 0) ? 0 : (int) Math.min(100, (this.done * 100) / this.total);
	}

}

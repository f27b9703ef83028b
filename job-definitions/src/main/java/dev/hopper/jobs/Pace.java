package dev.hopper.jobs;

/** Says yes at most once per {@link JobRun#PACE}, counting from when it was made. */
final class Pace {

	private long last = System.nanoTime();

	boolean due() {
		long now = System.nanoTime();
		if (now - this.last < JobRun.PACE.toNanos()) {
			return false;
		}
		this.last = now;
		return true;
	}

}

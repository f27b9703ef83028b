package dev.hopper.cli;

/** What a run's exit status tells a script or a CI pipeline. */
enum ExitCode {

	/** Everything asked for succeeded. */
	OK(0),
	/** Some tasks failed or some files were refused: they are listed. */
	SOME_FAILED(1),
	/** The command line was wrong. */
	USAGE(2),
	/** The server refused the request: the key, the quota after retries, a bad request. */
	REFUSED(3),
	/** The server could not be reached. */
	UNREACHABLE(4);

	final int status;

	ExitCode(int status) {
		this.status = status;
	}

}

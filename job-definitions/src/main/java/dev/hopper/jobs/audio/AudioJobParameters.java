package dev.hopper.jobs.audio;

/** Names shared by the audio job's steps. */
final class AudioJobParameters {

	/** The identifying job parameter: one job instance per task. */
	static final String TASK_ID = "taskId";

	/** Execution-context keys of the accumulated levels, promoted from the step to the job. */
	static final String SAMPLES = "levels.samples";

	static final String SUM_OF_SQUARES = "levels.sumOfSquares";

	static final String PEAK = "levels.peak";

	/** Execution-context key of the next segment the reader hands out. */
	static final String NEXT_SEGMENT = "segments.next";

	private AudioJobParameters() {
	}

}

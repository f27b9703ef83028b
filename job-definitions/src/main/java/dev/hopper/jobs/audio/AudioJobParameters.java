package dev.hopper.jobs.audio;

/** Names shared by the audio job's steps. */
final class AudioJobParameters {

	/** The identifying job parameter: one job instance per task. */
	static final String TASK_ID = "taskId";

	/** Execution-context key of the analyzer's checkpoint, promoted from the step to the job. */
	static final String ANALYSIS_STATE = "analysis.state";

	/** Execution-context key of the next segment the reader hands out. */
	static final String NEXT_SEGMENT = "segments.next";

	private AudioJobParameters() {
	}

}

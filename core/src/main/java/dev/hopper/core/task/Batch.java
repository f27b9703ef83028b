package dev.hopper.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Many files of one job type uploaded together. Each accepted file is a task of its own
 * (with this batch's id); files refused at intake are listed here with the reason.
 *
 * @param id time-ordered id
 * @param tenantId the tenant that owns it
 * @param type the job every file runs
 * @param params parameters for every file's job
 * @param createdAt when its upload began
 * @param refused files refused at intake, in upload order
 * @param complete whether its upload request finished (false while files still arrive)
 */
public record Batch(String id, String tenantId, JobType type, Map<String, Object> params, Instant createdAt,
		List<RefusedFile> refused, boolean complete) {

	public Batch {
		params = Map.copyOf(params);
		refused = List.copyOf(refused);
	}

	/** This batch with its upload finished: these files refused, no more to come. */
	public Batch completed(List<RefusedFile> refused) {
		return new Batch(this.id, this.tenantId, this.type, this.params, this.createdAt, refused, true);
	}

	/**
	 * A file of a batch that never became a task.
	 *
	 * @param fileName the client's name for it, sanitised
	 * @param code why, as a problem code
	 * @param message why, in words
	 */
	public record RefusedFile(String fileName, String code, String message) {
	}

}

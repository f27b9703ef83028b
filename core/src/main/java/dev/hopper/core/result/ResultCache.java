package dev.hopper.core.result;

import java.util.Map;
import java.util.Optional;

/** Port for remembering which task computed a result, so the same work is not run twice. */
public interface ResultCache {

	/**
	 * The key of a result made by a fallback (the engine asked for was unavailable): such a
	 * result answers its own task but is not remembered, so the next upload tries again.
	 */
	String DEGRADED = "degraded";

	/** Whether {@code result} was made by a fallback, and so is not to be remembered. */
	static boolean isDegraded(Map<String, ?> result) {
		return result.containsKey(DEGRADED);
	}

	/** The task whose result answers {@code key}, if one succeeded. */
	Optional<String> find(ResultCacheKey key);

	/** Remembers that {@code taskId} succeeded for {@code key}; the first one stays. */
	void remember(ResultCacheKey key, String taskId);

}

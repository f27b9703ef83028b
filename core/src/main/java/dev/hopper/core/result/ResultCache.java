package dev.hopper.core.result;

import java.util.Optional;

/** Port for remembering which task computed a result, so the same work is not run twice. */
public interface ResultCache {

	/** The task whose result answers {@code key}, if one succeeded. */
	Optional<String> find(ResultCacheKey key);

	/** Remembers that {@code taskId} succeeded for {@code key}; the first one stays. */
	void remember(ResultCacheKey key, String taskId);

}

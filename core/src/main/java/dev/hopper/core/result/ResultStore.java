package dev.hopper.core.result;

import java.util.Map;
import java.util.Optional;

/** Port for result documents, keyed by task id; a result is written at most once. */
public interface ResultStore {

	/** Stores {@code document} for {@code taskId}; false if a result was already there. */
	boolean saveOnce(String taskId, Map<String, Object> document);

	Optional<Map<String, Object>> find(String taskId);

}

package dev.hopper.core.task;

import java.util.List;
import java.util.Optional;

/** Port for batch records; their tasks are read through {@link TaskQueries}. */
public interface BatchStore {

	void insert(Batch batch);

	Optional<Batch> find(String id);

	/** Marks the batch's upload finished, with the files refused on the way. */
	void complete(String id, List<Batch.RefusedFile> refused);

}

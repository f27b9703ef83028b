package dev.hopper.core.task;

import java.util.Set;

import dev.hopper.core.content.ContentKind;

/**
 * What the api must know of a job type to take uploads for it, without its engine: its
 * name and the file kinds (told by their bytes) it reads.
 *
 * @param type the type
 * @param accepts the file kinds it takes; anything else is refused at intake
 */
public record JobTypeSpec(JobType type, Set<ContentKind> accepts) {

	public JobTypeSpec {
		if (accepts == null || accepts.isEmpty()) {
			throw new IllegalArgumentException("Job type " + type + " must accept at least one content kind");
		}
		accepts = Set.copyOf(accepts);
	}

	public boolean accepts(ContentKind kind) {
		return this.accepts.contains(kind);
	}

}

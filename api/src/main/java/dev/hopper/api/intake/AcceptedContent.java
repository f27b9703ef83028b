package dev.hopper.api.intake;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;

/** Which file kinds, told by their bytes, each job type takes. */
final class AcceptedContent {

	private static final Map<JobType, Set<ContentKind>> KINDS = Map.of(JobType.AUDIO_FEATURES,
			EnumSet.of(ContentKind.WAV, ContentKind.FLAC, ContentKind.MP3, ContentKind.OGG), JobType.MAP_PARSE,
			EnumSet.of(ContentKind.PNG, ContentKind.JPEG, ContentKind.WEBP));

	private AcceptedContent() {
	}

	static boolean accepts(JobType type, ContentKind kind) {
		return KINDS.get(type).contains(kind);
	}

	static Set<ContentKind> of(JobType type) {
		return KINDS.get(type);
	}

}

package dev.hopper.core.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.core.content.ContentKind;

/**
 * The registry of job types: the one list that intake checks, the OpenAPI enums, queue
 * declarations, worker listeners, the sweeper and the result cache read. The built-in
 * types are registered here; an application may add more (see docs/adding-a-job-type.md).
 */
public final class JobTypes {

	/** The types every Hopper knows: adding one is one line here and one package of jobs. */
	public static final List<JobTypeSpec> BUILT_IN = List.of(
			new JobTypeSpec(JobType.AUDIO_FEATURES,
					EnumSet.of(ContentKind.WAV, ContentKind.FLAC, ContentKind.MP3, ContentKind.OGG)),
			new JobTypeSpec(JobType.MAP_PARSE, EnumSet.of(ContentKind.PNG, ContentKind.JPEG, ContentKind.WEBP)));

	private final Map<String, JobTypeSpec> byName = new LinkedHashMap<>();

	public JobTypes(Collection<JobTypeSpec> specs) {
		for (JobTypeSpec spec : specs) {
			JobTypeSpec earlier = this.byName.putIfAbsent(spec.type().wireName(), spec);
			if (earlier != null && !earlier.equals(spec)) {
				throw new IllegalArgumentException("Job type " + spec.type() + " is registered twice, differently");
			}
		}
	}

	/** The built-in types and {@code extra}. */
	public static JobTypes withBuiltIns(Collection<JobTypeSpec> extra) {
		List<JobTypeSpec> all = new ArrayList<>(BUILT_IN);
		all.addAll(extra);
		return new JobTypes(all);
	}

	/** The registered type named {@code name}, if any. */
	public Optional<JobTypeSpec> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** The spec of a registered type. */
	public JobTypeSpec get(JobType type) {
		JobTypeSpec spec = this.byName.get(type.wireName());
		if (spec == null) {
			throw new IllegalArgumentException("Job type " + type + " is not registered");
		}
		return spec;
	}

	/** Every registered type, in registration order. */
	public List<JobType> all() {
		return this.byName.values().stream().map(JobTypeSpec::type).toList();
	}

	/** Every registered type's name, in registration order. */
	public List<String> names() {
		return List.copyOf(this.byName.keySet());
	}

}

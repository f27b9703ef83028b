package dev.hopper.api.intake;

import java.util.List;
import java.util.stream.Collectors;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypeSpec;
import dev.hopper.core.task.JobTypes;

import org.springframework.http.HttpStatus;

/** The checks every upload passes before its task exists, read from the job type registry. */
final class IntakeChecks {

	private final JobTypes types;

	private final List<JobType> accepted;

	/** @param accepted the types this deployment takes, of those registered */
	IntakeChecks(JobTypes types, List<JobType> accepted) {
		this.types = types;
		this.accepted = List.copyOf(accepted);
	}

	/** The registered, enabled type named {@code name}: 400 {@code unknown_type} or 422 {@code type_unavailable} otherwise. */
	JobType checkType(String name) {
		JobTypeSpec spec = this.types.find(name)
			.orElseThrow(() -> ApiProblem.badRequest("unknown_type", "Unknown task type '" + abbreviate(name)
					+ "'; known types are " + String.join(", ", this.types.names())));
		if (!this.accepted.contains(spec.type())) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "type_unavailable",
					"Task type '" + spec.type() + "' is not available in this deployment");
		}
		return spec.type();
	}

	/** 415 {@code unsupported_format} unless {@code type} reads files of {@code kind}. */
	void checkKind(JobType type, ContentKind kind) {
		JobTypeSpec spec = this.types.get(type);
		if (!spec.accepts(kind)) {
			String accepted = spec.accepts().stream().map(ContentKind::mediaType).sorted()
				.collect(Collectors.joining(", "));
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_format",
					"The file's content is " + kind.mediaType() + "; '" + type + "' takes " + accepted);
		}
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 40) ? printable.substring(0, 40) + "…" : printable;
	}

}

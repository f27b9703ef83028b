package dev.hopper.api.intake;

import java.util.List;
import java.util.stream.Collectors;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;

import org.springframework.http.HttpStatus;

/** The checks every upload passes before its task exists. */
final class IntakeChecks {

	private IntakeChecks() {
	}

	static JobType checkType(String name, List<JobType> acceptedTypes) {
		JobType type = JobType.fromWireName(name)
			.orElseThrow(() -> ApiProblem.badRequest("unknown_type", "Unknown task type '" + abbreviate(name)
					+ "'; known types are audio-features and map-parse"));
		if (!acceptedTypes.contains(type)) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "type_unavailable",
					"Task type '" + type + "' is not available in this deployment yet");
		}
		return type;
	}

	static void checkKind(JobType type, ContentKind kind) {
		if (!AcceptedContent.accepts(type, kind)) {
			String accepted = AcceptedContent.of(type).stream().map(ContentKind::mediaType)
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

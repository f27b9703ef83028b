package dev.hopper.api.intake;

import java.util.EnumSet;
import java.util.List;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypeSpec;
import dev.hopper.core.task.JobTypes;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Intake's type and content checks read the registry: an unknown or disabled type is a 4xx, never a 500. */
class IntakeChecksTests {

	private static final JobType THUMBNAILS = JobType.of("thumbnails");

	private final JobTypes types = JobTypes
		.withBuiltIns(List.of(new JobTypeSpec(THUMBNAILS, EnumSet.of(ContentKind.PNG, ContentKind.JPEG))));

	@Test
	void aRegisteredEnabledTypeIsTaken() {
		IntakeChecks checks = new IntakeChecks(this.types, this.types.all());

		assertThat(checks.checkType("thumbnails")).isEqualTo(THUMBNAILS);
		checks.checkKind(THUMBNAILS, ContentKind.JPEG);
	}

	@Test
	void anUnknownTypeIsA400NamingTheRegisteredOnes() {
		IntakeChecks checks = new IntakeChecks(this.types, this.types.all());

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> checks.checkType("thumbnail\u0000s"))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.code()).isEqualTo("unknown_type");
				assertThat(problem.getMessage()).contains("audio-features, map-parse, thumbnails")
					.doesNotContain("\u0000");
			});
	}

	@Test
	void aRegisteredTypeThisDeploymentLeavesOutIsA422() {
		IntakeChecks checks = new IntakeChecks(this.types, List.of(JobType.AUDIO_FEATURES));

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> checks.checkType("thumbnails"))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(problem.code()).isEqualTo("type_unavailable");
			});
	}

	@Test
	void aFileOfAKindTheTypeDoesNotReadIsA415NamingWhatItReads() {
		IntakeChecks checks = new IntakeChecks(this.types, this.types.all());

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> checks.checkKind(THUMBNAILS, ContentKind.WAV))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
				assertThat(problem.code()).isEqualTo("unsupported_format");
				assertThat(problem.getMessage()).contains("audio/wav", "image/jpeg, image/png");
			});
	}

}

package dev.hopper.api.admin;

import java.util.List;
import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.api.redrive.DeadLetterRedrive;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** {@code /admin/v1/dead-letters}: listed newest first, redriven once, and each refusal's code. */
@WebMvcTest(controllers = DeadLetterAdminController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import(DeadLetterRedrive.class)
class DeadLetterAdminControllerTests extends ApiSlice {

	@MockitoBean
	DeadLetterStore deadLetters;

	@MockitoBean
	Redrive redrive;

	@Test
	void deadLettersAreListedWithTheirTypeByName() {
		DeadLetter letter = letter("task-1", null);
		given(this.deadLetters.findPending(isNull(), any(Integer.class))).willReturn(List.of(letter));

		assertThat(this.mvc.get().uri("/admin/v1/dead-letters").header("X-API-Key", ADMIN_KEY).exchange())
			.hasStatusOk().bodyJson().extractingPath("$.deadLetters[0].type").isEqualTo("audio-features");
	}

	@Test
	void aFailedTasksDeadLetterIsRedrivenOnce() {
		Task failed = aRunningTask().inState(TaskState.FAILED).build();
		DeadLetter letter = stored(letter(failed.id(), null));
		given(this.tasks.find(failed.id())).willReturn(Optional.of(failed));
		given(this.redrive.task(failed)).willReturn(true);

		assertThat(this.mvc.post().uri("/admin/v1/dead-letters/{id}/redrive", letter.id())
			.header("X-API-Key", ADMIN_KEY).exchange()).hasStatus(HttpStatus.ACCEPTED);
		then(this.deadLetters).should().markRedriven(letter.id(), NOW);
	}

	@Test
	void eachRedriveThatCannotBeIsAConflictOrNotFound() {
		DeadLetter again = stored(letter("task-2", NOW));
		DeadLetter noTask = stored(letter(null, null));
		Task running = aRunningTask().build();
		DeadLetter notFailed = stored(letter(running.id(), null));
		given(this.tasks.find(running.id())).willReturn(Optional.of(running));

		assertProblem(redrive(again), HttpStatus.CONFLICT, "already_redriven");
		assertProblem(redrive(noTask), HttpStatus.CONFLICT, "cannot_redrive");
		assertProblem(redrive(notFailed), HttpStatus.CONFLICT, "task_not_failed");
		assertProblem(this.mvc.post().uri("/admin/v1/dead-letters/nope/redrive").header("X-API-Key", ADMIN_KEY)
			.exchange(), HttpStatus.NOT_FOUND, "dead_letter_not_found");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult redrive(DeadLetter letter) {
		return this.mvc.post().uri("/admin/v1/dead-letters/{id}/redrive", letter.id()).header("X-API-Key", ADMIN_KEY)
			.exchange();
	}

	private DeadLetter stored(DeadLetter letter) {
		given(this.deadLetters.find(letter.id())).willReturn(Optional.of(letter));
		return letter;
	}

	private static DeadLetter letter(String taskId, java.time.Instant redrivenAt) {
		return new DeadLetter(TimeOrderedId.next(java.time.Clock.systemUTC()), taskId, JobType.AUDIO_FEATURES,
				"attempts_exhausted", "gave up", NOW, redrivenAt);
	}

}

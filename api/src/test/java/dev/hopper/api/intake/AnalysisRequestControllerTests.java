package dev.hopper.api.intake;

import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.api.status.RecentTasks;
import dev.hopper.api.status.TenantTasks;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/** JSON {@code POST /api/v1/tasks}: a new job on a file the tenant stored before, named by task or by hash. */
@WebMvcTest(controllers = AnalysisRequestController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TenantTasks.class, RecentTasks.class })
class AnalysisRequestControllerTests extends IntakeSlice {

	@Test
	void aStoredFileIsAnalysedAgainWithoutBeingSent() {
		Task source = stored(aRunningTask().inState(TaskState.SUCCEEDED).build(), true);

		MvcTestResult answer = analyse("{\"sourceTaskId\":\"" + source.id() + "\",\"type\":\"audio-features\","
				+ "\"params\":{\"run\":2}}");

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
		ArgumentCaptor<Task> recorded = ArgumentCaptor.forClass(Task.class);
		then(this.lifecycle).should().insert(recorded.capture());
		assertThat(recorded.getValue().upload()).isEqualTo(source.upload());
		assertThat(recorded.getValue().params()).containsEntry("run", 2);
	}

	@Test
	void theSourceIsNamedByExactlyOneWellFormedReference() {
		assertProblem(analyse("{\"type\":\"audio-features\"}"), HttpStatus.BAD_REQUEST, "invalid_source");
		assertProblem(analyse("{\"sourceTaskId\":\"x\",\"sha256\":\"" + "a".repeat(64) + "\",\"type\":\"audio-features\"}"),
				HttpStatus.BAD_REQUEST, "invalid_source");
		assertProblem(analyse("{\"sha256\":\"abc\",\"type\":\"audio-features\"}"), HttpStatus.BAD_REQUEST,
				"invalid_sha256");
		assertProblem(analyse("{\"sha256\":\"" + "a".repeat(64) + "\",\"type\":\"audio-features\"}"),
				HttpStatus.NOT_FOUND, "content_not_found");
		assertProblem(analyse("{\"sha256\":\"" + "a".repeat(64) + "\"}"), HttpStatus.BAD_REQUEST, "missing_type");
		then(this.lifecycle).should(never()).insert(any());
	}

	@Test
	void aFileNoLongerKeptIsGone() {
		Task source = stored(aRunningTask().inState(TaskState.SUCCEEDED).build(), false);

		assertProblem(analyse("{\"sourceTaskId\":\"" + source.id() + "\",\"type\":\"audio-features\"}"),
				HttpStatus.GONE, "file_gone");
	}

	@Test
	void aTypeThatCannotReadTheStoredFileIs415() {
		Task source = stored(aRunningTask().inState(TaskState.SUCCEEDED).build(), true);

		assertProblem(analyse("{\"sourceTaskId\":\"" + source.id() + "\",\"type\":\"map-parse\"}"),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_format");
	}

	private Task stored(Task task, boolean fileKept) {
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));
		given(this.blobs.exists(task.upload().blobKey())).willReturn(fileKept);
		return task;
	}

	private MvcTestResult analyse(String json) {
		return this.mvc.post().uri("/api/v1/tasks").header("X-API-Key", KEY).contentType("application/json")
			.content(json).exchange();
	}

}

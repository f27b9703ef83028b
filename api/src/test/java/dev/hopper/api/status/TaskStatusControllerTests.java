package dev.hopper.api.status;

import java.util.Map;
import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.ExpiredTask;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskChangeFeed;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** {@code GET /api/v1/tasks/{id}} and its result: the status codes and problem codes of the README. */
@WebMvcTest(controllers = TaskStatusController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TenantTasks.class, RecentTasks.class, TaskViews.class, TaskWatch.class })
class TaskStatusControllerTests extends ApiSlice {

	@MockitoBean
	ResultStore results;

	@MockitoBean
	TaskChangeFeed feed;

	@Test
	void aTaskIsShownToItsTenantWithAnETag() {
		Task task = stored(aRunningTask().withProgress(3, 4));

		MvcTestResult answer = this.mvc.get().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange();

		assertThat(answer).hasStatusOk().hasHeader("ETag", TaskVersion.etag(task));
		assertThat(answer).bodyJson().extractingPath("$.state").isEqualTo("RUNNING");
		assertThat(answer).bodyJson().extractingPath("$.progress.percent").isEqualTo(75);
		assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("audio-features");
	}

	@Test
	void aTasksHistoryIsShownToItsTenantOnly() {
		Task task = stored(aRunningTask());
		java.time.Instant at = java.time.Instant.parse("2026-12-05T12:00:00Z");
		given(this.tasks.history(task.id())).willReturn(java.util.List.of(new dev.hopper.core.task.TaskEvent(at,
				dev.hopper.core.task.TaskEvent.Step.CLAIMED, TaskState.RUNNING, "worker-1", null)));

		MvcTestResult answer = this.mvc.get().uri("/api/v1/tasks/{id}/history", task.id()).header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk();
		assertThat(answer).bodyJson().extractingPath("$.events[0].what").isEqualTo("CLAIMED");
		assertThat(answer).bodyJson().extractingPath("$.events[0].workerId").as("a worker is the operators' to know")
			.isNull();
		assertThat(answer).bodyJson().extractingPath("$.events[0].at").isEqualTo("2026-12-05T12:00:00Z");
		Task theirs = stored(aRunningTask().ownedBy("tenant-b"));
		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/history", theirs.id()).header("X-API-Key", KEY)
			.exchange(), HttpStatus.NOT_FOUND, "task_not_found");
	}

	@Test
	void theSameETagAgainIsNotModified() {
		Task task = stored(aRunningTask());

		MvcTestResult answer = this.mvc.get().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY)
			.header("If-None-Match", TaskVersion.etag(task)).exchange();

		assertThat(answer).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aTaskRetentionRemovedIsGoneForItsTenantAndNotFoundForAnother() {
		String mine = "01a24000-0000-7000-8000-000000000001";
		String theirs = "01a24000-0000-7000-8000-000000000002";
		given(this.retention.findExpired(mine)).willReturn(Optional.of(new ExpiredTask(mine, TENANT, NOW, NOW)));
		given(this.retention.findExpired(theirs))
			.willReturn(Optional.of(new ExpiredTask(theirs, "tenant-b", NOW, NOW)));

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}", mine).header("X-API-Key", KEY).exchange(),
				HttpStatus.GONE, "task_expired");
		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/result", mine).header("X-API-Key", KEY).exchange(),
				HttpStatus.GONE, "task_expired");
		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}", theirs).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "task_not_found");
	}

	@Test
	void anotherTenantsTaskIsNotFound() {
		Task task = stored(aRunningTask().ownedBy("tenant-b"));

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "task_not_found");
	}

	@Test
	void withoutAKeyOrWithAWrongOneTheAnswerIs401() {
		Task task = stored(aRunningTask());

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}", task.id()).exchange(), HttpStatus.UNAUTHORIZED,
				"missing_api_key");
		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", "hop_wrong").exchange(),
				HttpStatus.UNAUTHORIZED, "invalid_api_key");
	}

	@Test
	void aWaitOutsideItsRangeIs400() {
		Task task = stored(aRunningTask());

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}?waitSeconds=61", task.id()).header("X-API-Key", KEY)
			.exchange(), HttpStatus.BAD_REQUEST, "invalid_wait_seconds");
	}

	@Test
	void aResultIs404UntilTheTaskSucceedsAnd409WhenItFailed() {
		Task queued = stored(aQueuedTask());
		Task failed = stored(aRunningTask().inState(TaskState.FAILED).withError("corrupt_audio", "not audio"));
		Task succeeded = stored(aRunningTask().inState(TaskState.SUCCEEDED));
		given(this.results.find(succeeded.id())).willReturn(Optional.of(Map.of("durationSec", 1.5)));

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/result", queued.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "result_not_ready");
		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/result", failed.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.CONFLICT, "task_failed");
		assertThat(this.mvc.get().uri("/api/v1/tasks/{id}/result", succeeded.id()).header("X-API-Key", KEY).exchange())
			.hasStatusOk().bodyJson().extractingPath("$.durationSec").isEqualTo(1.5);
	}

	private Task stored(dev.hopper.core.task.TaskBuilder builder) {
		Task task = builder.build();
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));
		return task;
	}

}

package dev.hopper.api.status;

import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskChangeFeed;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** {@code GET /api/v1/tasks/{id}/events}: a finished task's one event, and 204 once the client has it. */
@WebMvcTest(controllers = TaskEventsController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TenantTasks.class, RecentTasks.class, TaskViews.class, TaskWatch.class })
class TaskEventsControllerTests extends ApiSlice {

	@MockitoBean
	TaskChangeFeed feed;

	@Test
	void aFinishedTaskSendsItsFinalEventAndTheStreamEnds() {
		Task task = stored(aRunningTask().inState(TaskState.SUCCEEDED).build());

		MvcTestResult answer = this.mvc.get().uri("/api/v1/tasks/{id}/events", task.id()).header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk().hasContentType("text/event-stream");
		assertThat(answer).bodyText().contains("event:task", "id:" + TaskVersion.of(task), "\"state\":\"SUCCEEDED\"");
	}

	@Test
	void aClientThatHasTheFinalEventGets204() {
		Task task = stored(aRunningTask().inState(TaskState.FAILED).build());

		assertThat(this.mvc.get().uri("/api/v1/tasks/{id}/events", task.id()).header("X-API-Key", KEY)
			.header("Last-Event-ID", TaskVersion.of(task)).exchange()).hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void anotherTenantsTaskHasNoEvents() {
		Task task = stored(aRunningTask().ownedBy("tenant-b").build());

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/events", task.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "task_not_found");
	}

	private Task stored(Task task) {
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));
		return task;
	}

}

package dev.hopper.api.status;

import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskBuilder;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/** {@code DELETE /api/v1/tasks/{id}}: 200 cancelled at once, 202 stopping, 409 finished, 404 not the tenant's. */
@WebMvcTest(controllers = TaskCancellationController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TenantTasks.class, RecentTasks.class })
class TaskCancellationControllerTests extends ApiSlice {

	@MockitoBean
	TaskLifecycle lifecycle;

	@Test
	void aQueuedTaskIsCancelledAtOnce() {
		Task task = cancelledAs(aQueuedTask(), TaskState.CANCELLED);

		assertThat(this.mvc.delete().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange())
			.hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("CANCELLED");
	}

	@Test
	void aRunningTaskIsAskedToStopAndAnswers202() {
		Task task = cancelledAs(aRunningTask(), TaskState.RUNNING);

		assertThat(this.mvc.delete().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange())
			.hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void aFinishedTaskHasNothingToCancel() {
		Task task = cancelledAs(aRunningTask(), TaskState.SUCCEEDED);

		assertProblem(this.mvc.delete().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.CONFLICT, "task_finished");
	}

	@Test
	void anotherTenantsTaskIsNeitherFoundNorTouched() {
		Task task = aQueuedTask().ownedBy("tenant-b").build();
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));

		assertProblem(this.mvc.delete().uri("/api/v1/tasks/{id}", task.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "task_not_found");
		then(this.lifecycle).should(never()).cancel(task.id());
	}

	private Task cancelledAs(TaskBuilder builder, TaskState after) {
		Task task = builder.build();
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));
		given(this.lifecycle.cancel(task.id())).willReturn(Optional.of(builder.inState(after).build()));
		return task;
	}

}

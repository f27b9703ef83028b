package dev.hopper.api.status;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
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
import static org.mockito.BDDMockito.given;

/** {@code GET /api/v1/tasks/{id}/overlay}: the PNG for its own tenant, 404 before it exists. */
@WebMvcTest(controllers = TaskOverlayController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TenantTasks.class, RecentTasks.class })
class TaskOverlayControllerTests extends ApiSlice {

	@MockitoBean
	BlobStore blobs;

	@Test
	void theOverlayIsServedAsPng() {
		Task task = aRunningTask().ofType(JobType.MAP_PARSE).inState(TaskState.SUCCEEDED).build();
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));
		given(this.blobs.exists(BlobKeys.overlay(task.id()))).willReturn(true);
		given(this.blobs.open(BlobKeys.overlay(task.id()), 0)).willReturn(new ByteArrayInputStream(new byte[] { 1, 2 }));

		assertThat(this.mvc.get().uri("/api/v1/tasks/{id}/overlay", task.id()).header("X-API-Key", KEY).exchange())
			.hasStatusOk()
			.hasContentType("image/png");
	}

	@Test
	void noOverlayYetIs404() {
		Task task = aRunningTask().ofType(JobType.MAP_PARSE).build();
		given(this.tasks.find(task.id())).willReturn(Optional.of(task));

		assertProblem(this.mvc.get().uri("/api/v1/tasks/{id}/overlay", task.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "overlay_not_found");
	}

}

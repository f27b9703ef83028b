package dev.hopper.api.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/** {@code GET /api/v1/batches/{id}} and its redrive: counts, pages and the problem codes. */
@WebMvcTest(controllers = BatchStatusController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import({ TaskViews.class, TenantBatches.class })
class BatchStatusControllerTests extends ApiSlice {

	@MockitoBean
	BatchStore batches;

	@MockitoBean
	Redrive redrive;

	@Test
	void aBatchShowsItsCountsAndAPageOfTasksWithTheNextToken() {
		Batch batch = stored(TENANT);
		var first = aQueuedTask().inBatch(batch.id()).build();
		var second = aQueuedTask().inBatch(batch.id()).build();
		given(this.tasks.findInBatch(eq(batch.id()), any(), anyInt())).willReturn(List.of(first, second));
		given(this.tasks.countByState(batch.id())).willReturn(Map.of(TaskState.QUEUED, 2L));

		var answer = this.mvc.get().uri("/api/v1/batches/{id}?pageSize=1", batch.id()).header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk();
		assertThat(answer).bodyJson().extractingPath("$.counts.queued").isEqualTo(2);
		assertThat(answer).bodyJson().extractingPath("$.nextPageToken").isEqualTo(first.id());
	}

	@Test
	void anotherTenantsBatchOrAMalformedIdIsNotFound() {
		Batch batch = stored("tenant-b");

		assertProblem(this.mvc.get().uri("/api/v1/batches/{id}", batch.id()).header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "batch_not_found");
		assertProblem(this.mvc.get().uri("/api/v1/batches/not-an-id").header("X-API-Key", KEY).exchange(),
				HttpStatus.NOT_FOUND, "batch_not_found");
	}

	@Test
	void aPageSizeOrTokenOutOfShapeIs400() {
		Batch batch = stored(TENANT);

		assertProblem(this.mvc.get().uri("/api/v1/batches/{id}?pageSize=501", batch.id()).header("X-API-Key", KEY)
			.exchange(), HttpStatus.BAD_REQUEST, "invalid_page_size");
		assertProblem(this.mvc.get().uri("/api/v1/batches/{id}?pageToken=zz", batch.id()).header("X-API-Key", KEY)
			.exchange(), HttpStatus.BAD_REQUEST, "invalid_page_token");
	}

	@Test
	void aRedriveAnswers202WithHowManyTasksWentBack() {
		Batch batch = stored(TENANT);
		given(this.redrive.failedTasksOf(batch.id())).willReturn(3);

		assertThat(this.mvc.post().uri("/api/v1/batches/{id}/redrive", batch.id()).header("X-API-Key", KEY).exchange())
			.hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.redriven").isEqualTo(3);
	}

	private Batch stored(String tenant) {
		Batch batch = new Batch(TimeOrderedId.next(java.time.Clock.systemUTC()), tenant, JobType.AUDIO_FEATURES,
				Map.of(), NOW, List.of(), true);
		given(this.batches.find(batch.id())).willReturn(Optional.of(batch));
		return batch;
	}

}

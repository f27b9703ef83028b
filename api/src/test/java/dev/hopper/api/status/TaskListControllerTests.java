package dev.hopper.api.status;

import java.util.List;
import java.util.Set;

import dev.hopper.api.ApiSlice;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** {@code GET /api/v1/tasks} and {@code /admin/v1/tasks}: filters as asked, pages, totals, and each bad parameter's code. */
@WebMvcTest(controllers = TaskListController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import(TaskViews.class)
class TaskListControllerTests extends ApiSlice {

	@MockitoBean
	TaskLifecycle lifecycle;

	@MockitoBean
	Redrive redrive;

	@Test
	void aTenantsListIsFilteredAsAskedAndScopedToItsTenant() {
		given(this.tasks.search(any(), isNull(), anyInt())).willReturn(List.of());

		MvcTestResult answer = this.mvc.get()
			.uri("/api/v1/tasks?state=failed,RUNNING&type=map-parse&errorCode=corrupt_image&minAttempts=2"
					+ "&createdAfter=2026-12-01T00:00:00Z")
			.header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk();
		ArgumentCaptor<TaskFilter> filter = ArgumentCaptor.forClass(TaskFilter.class);
		then(this.tasks).should().search(filter.capture(), isNull(), eq(TaskListQuery.DEFAULT_PAGE_SIZE + 1));
		assertThat(filter.getValue()).isEqualTo(new TaskFilter(TENANT, Set.of(TaskState.FAILED, TaskState.RUNNING),
				JobType.MAP_PARSE, null, null, "corrupt_image", 2, java.time.Instant.parse("2026-12-01T00:00:00Z"),
				null));
	}

	@Test
	void parametersLeftEmptyAsAFormSendsThemAreNotFilters() {
		given(this.tasks.search(any(), isNull(), anyInt())).willReturn(List.of());

		MvcTestResult answer = this.mvc.get()
			.uri("/api/v1/tasks?state=&type=&batchId=&sha256=&errorCode=&createdAfter=&createdBefore=&pageToken=")
			.header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk();
		ArgumentCaptor<TaskFilter> filter = ArgumentCaptor.forClass(TaskFilter.class);
		then(this.tasks).should().search(filter.capture(), isNull(), anyInt());
		assertThat(filter.getValue()).isEqualTo(TaskFilter.ofTenant(TENANT));
	}

	@Test
	void aFullPageCarriesTheTokenOfItsLastTaskAndTheTotal() {
		Task newest = aQueuedTask().ownedBy(TENANT).build();
		Task middle = aQueuedTask().ownedBy(TENANT).build();
		Task oldest = aQueuedTask().ownedBy(TENANT).build();
		given(this.tasks.search(any(), isNull(), eq(3))).willReturn(List.of(newest, middle, oldest));
		given(this.tasks.count(any(), anyLong())).willReturn(12_345L);

		MvcTestResult answer = this.mvc.get().uri("/api/v1/tasks?pageSize=2").header("X-API-Key", KEY).exchange();

		assertThat(answer).bodyJson().extractingPath("$.tasks").asArray().hasSize(2);
		assertThat(answer).bodyJson().extractingPath("$.nextPageToken").isEqualTo(middle.id());
		assertThat(answer).bodyJson().extractingPath("$.total.count").isEqualTo(10_000);
		assertThat(answer).bodyJson().extractingPath("$.total.exact").isEqualTo(false);
	}

	@Test
	void eachParameterOutOfShapeIsA400NamingIt() {
		String[][] cases = { { "state=DONE", "invalid_state" }, { "type=video", "unknown_type" },
				{ "sha256=abc", "invalid_sha256" }, { "batchId=b1", "invalid_batch_id" },
				{ "errorCode=No%20Such", "invalid_error_code" }, { "minAttempts=-1", "invalid_min_attempts" },
				{ "createdAfter=yesterday", "invalid_time" }, { "pageSize=501", "invalid_page_size" },
				{ "pageSize=0", "invalid_page_size" }, { "pageToken=zz", "invalid_page_token" } };
		for (String[] bad : cases) {
			assertProblem(this.mvc.get().uri("/api/v1/tasks?" + bad[0]).header("X-API-Key", KEY).exchange(),
					HttpStatus.BAD_REQUEST, bad[1]);
		}
	}

	@Test
	void theOperatorsListNeedsTheAdminKeyAndMaySpanTenants() {
		given(this.tasks.search(any(), isNull(), anyInt())).willReturn(List.of());

		assertProblem(this.mvc.get().uri("/admin/v1/tasks").header("X-API-Key", KEY).exchange(), HttpStatus.UNAUTHORIZED,
				"invalid_admin_key");
		assertThat(this.mvc.get().uri("/admin/v1/tasks?state=FAILED").header("X-API-Key", ADMIN_KEY).exchange())
			.hasStatusOk();
		ArgumentCaptor<TaskFilter> filter = ArgumentCaptor.forClass(TaskFilter.class);
		then(this.tasks).should().search(filter.capture(), isNull(), anyInt());
		assertThat(filter.getValue().tenantId()).isNull();
		assertThat(filter.getValue().states()).containsExactly(TaskState.FAILED);
	}

	@Test
	void aDryRunOnlyCountsWhatABulkCancelWouldTouch() {
		given(this.tasks.count(any(), anyLong())).willReturn(42L);

		MvcTestResult answer = this.mvc.post().uri("/api/v1/tasks/cancel?type=audio-features&dryRun=true")
			.header("X-API-Key", KEY)
			.exchange();

		assertThat(answer).hasStatusOk();
		assertThat(answer).bodyJson().extractingPath("$.matched").isEqualTo(42);
		assertThat(answer).bodyJson().extractingPath("$.dryRun").isEqualTo(true);
		then(this.lifecycle).shouldHaveNoInteractions();
	}

	@Test
	void aBulkCancelTouchesOnlyQueuedAndRunningTasksOfTheTenant() {
		Task queued = aQueuedTask().ownedBy(TENANT).build();
		given(this.tasks.search(any(), isNull(), anyInt())).willReturn(List.of(queued));
		given(this.lifecycle.cancel(queued.id()))
			.willReturn(java.util.Optional.of(aQueuedTask().withId(queued.id()).inState(TaskState.CANCELLED).build()));

		MvcTestResult answer = this.mvc.post().uri("/api/v1/tasks/cancel").header("X-API-Key", KEY).exchange();

		assertThat(answer).bodyJson().extractingPath("$.changed").isEqualTo(1);
		assertThat(answer).bodyJson().extractingPath("$.complete").isEqualTo(true);
		ArgumentCaptor<TaskFilter> filter = ArgumentCaptor.forClass(TaskFilter.class);
		then(this.tasks).should().search(filter.capture(), isNull(), anyInt());
		assertThat(filter.getValue().tenantId()).isEqualTo(TENANT);
		assertThat(filter.getValue().states()).containsExactlyInAnyOrder(TaskState.QUEUED, TaskState.RUNNING);
	}

	@Test
	void aBulkActionOnStatesItCannotChangeIsA400() {
		assertProblem(this.mvc.post().uri("/api/v1/tasks/cancel?state=SUCCEEDED").header("X-API-Key", KEY).exchange(),
				HttpStatus.BAD_REQUEST, "invalid_state");
		assertProblem(this.mvc.post().uri("/api/v1/tasks/redrive?state=QUEUED").header("X-API-Key", KEY).exchange(),
				HttpStatus.BAD_REQUEST, "invalid_state");
	}

	@Test
	void aBulkRedriveQueuesTheFailedTasksAgain() {
		Task failed = aQueuedTask().ownedBy(TENANT).inState(TaskState.FAILED).build();
		given(this.tasks.search(any(), isNull(), anyInt())).willReturn(List.of(failed));
		given(this.redrive.task(failed)).willReturn(true);

		assertThat(this.mvc.post().uri("/api/v1/tasks/redrive?errorCode=storage_unavailable").header("X-API-Key", KEY)
			.exchange()).bodyJson().extractingPath("$.changed").isEqualTo(1);
	}

}

package dev.hopper.api.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.Task;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** {@code GET /admin/v1/workers}: live workers first, a silent one shown lost, each with what it runs. */
@WebMvcTest(controllers = WorkerAdminController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
@Import(WorkerViews.class)
class WorkerAdminControllerTests extends ApiSlice {

	@MockitoBean
	WorkerRegistry registry;

	@Test
	void liveWorkersComeFirstWithTheirTasksAndASilentOneIsLost() {
		Task running = aRunningTask().withProgress(1, 4).build();
		given(this.tasks.find(running.id())).willReturn(Optional.of(running));
		WorkerStatus silent = worker("w-silent", NOW.minusSeconds(60), List.of());
		WorkerStatus busy = worker("w-busy", NOW.minusSeconds(5), List.of(running.id()));
		given(this.registry.all()).willReturn(List.of(silent, busy));

		MvcTestResult answer = this.mvc.get().uri("/admin/v1/workers").header("X-API-Key", ADMIN_KEY).exchange();

		assertThat(answer).hasStatusOk();
		assertThat(answer).bodyJson().extractingPath("$[0].id").isEqualTo("w-busy");
		assertThat(answer).bodyJson().extractingPath("$[0].state").isEqualTo("live");
		assertThat(answer).bodyJson().extractingPath("$[0].busy").isEqualTo(1);
		assertThat(answer).bodyJson().extractingPath("$[0].tasks[0].progress.percent").isEqualTo(25);
		assertThat(answer).bodyJson().extractingPath("$[1].state").isEqualTo("lost");
	}

	@Test
	void aTenantKeyCannotSeeWorkers() {
		assertProblem(this.mvc.get().uri("/admin/v1/workers").header("X-API-Key", KEY).exchange(),
				HttpStatus.UNAUTHORIZED, "invalid_admin_key");
	}

	private static WorkerStatus worker(String id, java.time.Instant beatAt, List<String> running) {
		return new WorkerStatus(id, "host-1", 42, "development", List.of("audio-features"), 2, NOW.minusSeconds(3600),
				beatAt, Duration.ofSeconds(10), running);
	}

}

package dev.hopper.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskBuilder;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import org.junit.jupiter.api.Test;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task lists: every filter alone and together, newest first, and pages that neither skip
 * nor repeat a task while newer ones arrive. Each adapter's test implements this.
 */
public interface TaskSearchContract {


	TaskLifecycle lifecycle();

	TaskQueries queries();

	@Test
	default void aTenantSeesOnlyItsOwnTasksNewestFirst() {
		String tenant = aTenantOfItsOwn();
		Task older = stored(mine(tenant));
		Task newer = stored(mine(tenant));
		stored(aQueuedTask().ownedBy(tenant + "-other"));

		assertThat(search(TaskFilter.ofTenant(tenant))).containsExactly(newer.id(), older.id());
	}

	@Test
	default void eachFilterNarrowsTheList() {
		String tenant = aTenantOfItsOwn();
		Task failedMap = stored(mine(tenant).ofType(JobType.MAP_PARSE).inState(TaskState.FAILED).withAttempts(3)
			.withError("corrupt_image", "not an image").inBatch("b-1"));
		Task running = stored(mine(tenant).inState(TaskState.RUNNING).withAttempts(1));
		Task queued = stored(mine(tenant).withUpload(new dev.hopper.core.task.Upload("uploads/x", "f".repeat(64), 10,
				dev.hopper.core.content.ContentKind.WAV, "x.wav")));

		assertThat(search(filter(tenant, EnumSet.of(TaskState.FAILED, TaskState.RUNNING), null, null, null, null,
				null)))
			.containsExactly(running.id(), failedMap.id());
		assertThat(search(filter(tenant, Set.of(), JobType.MAP_PARSE, null, null, null, null)))
			.containsExactly(failedMap.id());
		assertThat(search(filter(tenant, Set.of(), null, "b-1", null, null, null))).containsExactly(failedMap.id());
		assertThat(search(filter(tenant, Set.of(), null, null, "f".repeat(64), null, null)))
			.containsExactly(queued.id());
		assertThat(search(filter(tenant, Set.of(), null, null, null, "corrupt_image", null)))
			.containsExactly(failedMap.id());
		assertThat(search(filter(tenant, Set.of(), null, null, null, null, 2))).containsExactly(failedMap.id());
		assertThat(search(filter(tenant, EnumSet.of(TaskState.FAILED), JobType.AUDIO_FEATURES, null, null, null, null)))
			.isEmpty();
	}

	@Test
	default void theCensusCountsLiveTasksAndEachMinutesArrivalsAndFinishes() {
		String tenant = aTenantOfItsOwn();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		Task first = stored(mine(tenant).createdAt(now.minusSeconds(30)));
		stored(mine(tenant).createdAt(now));
		stored(mine(tenant).ofType(JobType.MAP_PARSE).inState(TaskState.RUNNING).createdAt(now));
		stored(mine(tenant).inState(TaskState.SUCCEEDED).createdAt(now).finishedAt(now));
		stored(mine(tenant).inState(TaskState.FAILED).createdAt(now).finishedAt(now));
		stored(mine(tenant).inState(TaskState.FAILED).createdAt(now).finishedAt(now.minus(java.time.Duration.ofHours(2))));

		dev.hopper.core.task.TaskCensus census = queries().census(now.minus(java.time.Duration.ofMinutes(10)));

		assertThat(census.live().stream().filter((row) -> row.tenantId().equals(tenant)))
			.extracting(dev.hopper.core.task.TaskCensus.Live::type, dev.hopper.core.task.TaskCensus.Live::state,
					dev.hopper.core.task.TaskCensus.Live::count, dev.hopper.core.task.TaskCensus.Live::oldestCreatedAt)
			.containsExactlyInAnyOrder(
					org.assertj.core.api.Assertions.tuple(JobType.AUDIO_FEATURES, TaskState.QUEUED, 2L, first.createdAt()),
					org.assertj.core.api.Assertions.tuple(JobType.MAP_PARSE, TaskState.RUNNING, 1L, now));
		List<dev.hopper.core.task.TaskCensus.Minute> minutes = census.minutes().stream()
			.filter((row) -> row.tenantId().equals(tenant))
			.toList();
		assertThat(minutes).allSatisfy((minute) -> assertThat(minute.minute().getEpochSecond() % 60).isZero());
		assertThat(minutes.stream().mapToLong(dev.hopper.core.task.TaskCensus.Minute::arrived).sum()).isEqualTo(6);
		assertThat(minutes.stream().filter((minute) -> minute.type().equals(JobType.AUDIO_FEATURES))
			.mapToLong(dev.hopper.core.task.TaskCensus.Minute::succeeded).sum()).isEqualTo(1);
		assertThat(minutes.stream().mapToLong(dev.hopper.core.task.TaskCensus.Minute::failed).sum()).isEqualTo(1);
		assertThat(minutes).filteredOn((minute) -> minute.succeeded() > 0).singleElement()
			.extracting(dev.hopper.core.task.TaskCensus.Minute::minute)
			.isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
	}

	@Test
	default void aTimeRangeIsHalfOpen() throws Exception {
		String tenant = aTenantOfItsOwn();
		Task before = stored(mine(tenant));
		Thread.sleep(5);
		Instant from = Instant.now();
		Task inside = stored(mine(tenant));
		Thread.sleep(5);
		Instant to = Instant.now();
		Thread.sleep(5);
		stored(mine(tenant));

		TaskFilter range = new TaskFilter(tenant, Set.of(), null, null, null, null, null, from, to);
		assertThat(search(range)).containsExactly(inside.id());
		TaskFilter untilInside = new TaskFilter(tenant, Set.of(), null, null, null, null, null, null, from);
		assertThat(search(untilInside)).containsExactly(before.id());
	}

	@Test
	default void pagesNeitherSkipNorRepeatWhileNewerTasksArrive() {
		String tenant = aTenantOfItsOwn();
		List<String> all = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			all.add(0, stored(mine(tenant)).id());
		}
		TaskFilter mine = TaskFilter.ofTenant(tenant);
		List<String> seen = new ArrayList<>();
		String token = null;
		do {
			List<Task> page = queries().search(mine, token, 3);
			page.forEach((task) -> seen.add(task.id()));
			token = (page.size() == 3) ? page.get(2).id() : null;
			// a newer task arrives between two pages
			stored(mine(tenant));
		}
		while (token != null);

		assertThat(seen).containsExactlyElementsOf(all);
	}

	@Test
	default void aCountStopsAtItsCap() {
		String tenant = aTenantOfItsOwn();
		for (int i = 0; i < 5; i++) {
			stored(mine(tenant));
		}
		stored(mine(tenant).ofType(JobType.MAP_PARSE).inState(TaskState.FAILED));

		assertThat(queries().count(TaskFilter.ofTenant(tenant), 100)).isEqualTo(6);
		assertThat(queries().count(filter(tenant, Set.of(TaskState.QUEUED), JobType.AUDIO_FEATURES, null, null, null,
				null), 100)).isEqualTo(5);
		assertThat(queries().count(filter(tenant, Set.of(TaskState.FAILED, TaskState.RUNNING), JobType.MAP_PARSE, null,
				null, null, null), 100)).isEqualTo(1);
		assertThat(queries().count(TaskFilter.ofTenant(tenant), 3)).isEqualTo(3);
	}

	private TaskFilter filter(String tenant, Set<TaskState> states, JobType type, String batchId, String sha256,
			String errorCode, Integer minAttempts) {
		return new TaskFilter(tenant, states, type, batchId, sha256, errorCode, minAttempts, null, null);
	}

	private List<String> search(TaskFilter filter) {
		return queries().search(filter, null, 100).stream().map(Task::id).toList();
	}

	/** Each test its own tenant, so earlier tests' tasks never show. */
	private String aTenantOfItsOwn() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private TaskBuilder mine(String tenant) {
		return aQueuedTask().ownedBy(tenant);
	}

	private Task stored(TaskBuilder builder) {
		Task task = builder.build();
		lifecycle().insert(task);
		return task;
	}

}

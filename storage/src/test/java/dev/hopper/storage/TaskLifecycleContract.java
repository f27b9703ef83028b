package dev.hopper.storage;

import java.time.Instant;

import dev.hopper.core.task.Claim;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskEvent;
import dev.hopper.core.task.TaskEvent.Step;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import org.junit.jupiter.api.Test;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every adapter of the task ports must do with a task's life: each move applies only
 * from a source state the transition table allows. Each adapter's test subclasses this.
 */
public interface TaskLifecycleContract {

	TaskError LOST = new TaskError("worker_lost", "its worker died");

	/** The adapter under test, on a clock fixed at {@link #now()}. */
	TaskLifecycle lifecycle();

	/** The same adapter's queries, to read what a move left. */
	TaskQueries queries();

	Instant now();

	@Test
	default void aQueuedTaskIsClaimedOnceAndCountsTheAttempt() {
		Task task = stored(aQueuedTask().published());

		Claim claim = lifecycle().claim(task.id(), "worker-1", 3);

		assertThat(claim.outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		assertThat(claim.task().state()).isEqualTo(TaskState.RUNNING);
		assertThat(claim.task().attempts()).isEqualTo(1);
		assertThat(claim.task().workerId()).isEqualTo("worker-1");
	}

	@Test
	default void aFinishedTaskIsNeverClaimedAgain() {
		for (TaskState finished : new TaskState[] { TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED }) {
			Task task = stored(aQueuedTask().inState(finished).withAttempts(1));

			Claim claim = lifecycle().claim(task.id(), "worker-2", 3);

			assertThat(claim.outcome()).as(finished.name()).isEqualTo(Claim.Outcome.ALREADY_FINISHED);
			assertThat(stateOf(task)).isEqualTo(finished);
		}
	}

	@Test
	default void aTaskThatUsedItsAttemptsIsNotClaimed() {
		Task task = stored(aQueuedTask().withAttempts(3));

		assertThat(lifecycle().claim(task.id(), "worker-1", 3).outcome()).isEqualTo(Claim.Outcome.EXHAUSTED);
		assertThat(stateOf(task)).isEqualTo(TaskState.QUEUED);
	}

	@Test
	default void aSucceededTaskRefusesEveryMove() {
		Task task = stored(aRunningTask().inState(TaskState.SUCCEEDED));

		assertThat(lifecycle().succeed(task.id())).isFalse();
		assertThat(lifecycle().fail(task.id(), LOST)).isFalse();
		assertThat(lifecycle().requeue(task.id(), LOST, now())).isFalse();
		assertThat(lifecycle().handBack(task.id())).isFalse();
		assertThat(lifecycle().releaseOrphan(task.id(), "worker-1", now(), LOST)).isFalse();
		assertThat(lifecycle().cancelled(task.id())).isFalse();
		assertThat(lifecycle().redrive(task.id())).isFalse();
		assertThat(lifecycle().cancel(task.id())).get().extracting(Task::state).isEqualTo(TaskState.SUCCEEDED);
		assertThat(stateOf(task)).isEqualTo(TaskState.SUCCEEDED);
	}

	@Test
	default void aCancelledTaskIsNeitherRequeuedNorRedriven() {
		Task task = stored(aRunningTask().inState(TaskState.CANCELLED));

		assertThat(lifecycle().requeue(task.id(), LOST, now())).isFalse();
		assertThat(lifecycle().releaseOrphan(task.id(), "worker-1", now(), LOST)).isFalse();
		assertThat(lifecycle().redrive(task.id())).isFalse();
		assertThat(stateOf(task)).isEqualTo(TaskState.CANCELLED);
	}

	@Test
	default void onlyARunningTaskIsRequeuedOrHandedBack() {
		Task queued = stored(aQueuedTask());
		Task running = stored(aRunningTask());

		assertThat(lifecycle().requeue(queued.id(), LOST, now())).isFalse();
		assertThat(lifecycle().handBack(queued.id())).isFalse();
		assertThat(lifecycle().requeue(running.id(), LOST, now().plusSeconds(5))).isTrue();

		Task requeued = queries().find(running.id()).orElseThrow();
		assertThat(requeued.state()).isEqualTo(TaskState.QUEUED);
		assertThat(requeued.published()).isFalse();
		assertThat(requeued.retryAt()).isEqualTo(now().plusSeconds(5));
		assertThat(requeued.error()).isEqualTo(LOST);
	}

	@Test
	default void anOrphanIsReleasedOnlyFromTheWorkerThatFellSilent() {
		Task task = stored(aRunningTask().runBy("worker-1").heartbeatAt(now().minusSeconds(60)));

		assertThat(lifecycle().releaseOrphan(task.id(), "worker-2", now(), LOST)).as("another worker").isFalse();
		assertThat(lifecycle().releaseOrphan(task.id(), "worker-1", now().minusSeconds(90), LOST)).as("not silent yet")
			.isFalse();
		assertThat(lifecycle().releaseOrphan(task.id(), "worker-1", now(), LOST)).isTrue();

		Task released = queries().find(task.id()).orElseThrow();
		assertThat(released.state()).isEqualTo(TaskState.QUEUED);
		assertThat(released.attempts()).as("the attempt stays counted").isEqualTo(1);
		assertThat(released.workerId()).isNull();
	}

	@Test
	default void onlyAFailedTaskIsRedriven() {
		Task failed = stored(aRunningTask().inState(TaskState.FAILED).withAttempts(3));
		Task queued = stored(aQueuedTask());

		assertThat(lifecycle().redrive(queued.id())).isFalse();
		assertThat(lifecycle().redrive(failed.id())).isTrue();

		Task redriven = queries().find(failed.id()).orElseThrow();
		assertThat(redriven.state()).isEqualTo(TaskState.QUEUED);
		assertThat(redriven.attempts()).isZero();
		assertThat(redriven.finishedAt()).isNull();
	}

	@Test
	default void aTerminalMoveRecordsWhenTheTaskFinished() {
		Task task = stored(aRunningTask());

		assertThat(lifecycle().fail(task.id(), LOST)).isTrue();

		Task failed = queries().find(task.id()).orElseThrow();
		assertThat(failed.state()).isEqualTo(TaskState.FAILED);
		assertThat(failed.finishedAt()).isEqualTo(now());
		assertThat(failed.error()).isEqualTo(LOST);
	}

	@Test
	default void theHistoryHoldsEachMoveThatHappenedAndNoneThatWasRefused() {
		Task task = stored(aQueuedTask().published());

		lifecycle().claim(task.id(), "worker-1", 3);
		lifecycle().requeue(task.id(), LOST, now());
		lifecycle().claim(task.id(), "worker-2", 3);
		lifecycle().cancel(task.id());
		lifecycle().cancel(task.id());
		lifecycle().fail(task.id(), LOST);
		lifecycle().succeed(task.id());
		lifecycle().redrive(task.id());

		assertThat(queries().history(task.id())).extracting(TaskEvent::what, TaskEvent::state, TaskEvent::workerId)
			.containsExactly(tuple(Step.CLAIMED, TaskState.RUNNING, "worker-1"),
					tuple(Step.RETRY_SCHEDULED, TaskState.QUEUED, null),
					tuple(Step.CLAIMED, TaskState.RUNNING, "worker-2"),
					tuple(Step.CANCEL_REQUESTED, TaskState.RUNNING, null), tuple(Step.FAILED, TaskState.FAILED, null),
					tuple(Step.REDRIVEN, TaskState.QUEUED, null));
		assertThat(queries().history(task.id()).get(4).error()).isEqualTo(LOST);
		assertThat(queries().history(task.id())).allSatisfy((event) -> assertThat(event.at()).isEqualTo(now()));
	}

	@Test
	default void aTaskThatSucceedsAfterARetryCarriesNoStaleError() {
		Task task = stored(aQueuedTask().published());
		lifecycle().claim(task.id(), "worker-1", 3);
		lifecycle().requeue(task.id(), LOST, now());
		lifecycle().claim(task.id(), "worker-2", 3);

		assertThat(lifecycle().succeed(task.id())).isTrue();

		assertThat(queries().find(task.id()).orElseThrow().error()).isNull();
		assertThat(queries().history(task.id())).extracting(TaskEvent::error).contains(LOST);
	}

	@Test
	default void theHistoryKeepsTheLatestStepsOnly() {
		Task task = stored(aQueuedTask().published());
		for (int i = 0; i < 70; i++) {
			lifecycle().claim(task.id(), "worker-" + i, 1000);
			lifecycle().handBack(task.id());
		}

		assertThat(queries().history(task.id())).hasSizeLessThanOrEqualTo(100)
			.hasSizeGreaterThanOrEqualTo(50)
			.last()
			.extracting(TaskEvent::what)
			.isEqualTo(Step.HANDED_BACK);
		assertThat(queries().history("no-such-task")).isEmpty();
		assertThat(queries().find(task.id())).get().extracting(Task::state).isEqualTo(TaskState.QUEUED);
	}

	@Test
	default void paramsComeBackAsSentWhateverTheirKeys() {
		java.util.Map<String, Object> deep = new java.util.LinkedHashMap<>();
		deep.put("%e", null);
		deep.put("%2E", "a literal escape");
		java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
		params.put("a.b", 1);
		params.put("$x", java.util.Map.of("c.d", java.util.List.of(deep, "x.y")));
		params.put("nul\0key", "v");
		params.put("50%", true);
		params.put("", "empty key");
		Task task = aQueuedTask().build().withParams(params);
		lifecycle().insert(task);

		assertThat(queries().find(task.id()).orElseThrow().params()).isEqualTo(params);
		assertThat(lifecycle().claim(task.id(), "worker-1", 3).task().params()).isEqualTo(params);
	}

	private Task stored(dev.hopper.core.task.TaskBuilder builder) {
		Task task = builder.build();
		lifecycle().insert(task);
		return task;
	}

	private TaskState stateOf(Task task) {
		return queries().find(task.id()).orElseThrow().state();
	}

}

package dev.hopper.core.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.hopper.core.task.TaskState.CANCELLED;
import static dev.hopper.core.task.TaskState.FAILED;
import static dev.hopper.core.task.TaskState.QUEUED;
import static dev.hopper.core.task.TaskState.RUNNING;
import static dev.hopper.core.task.TaskState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

class TaskTransitionsTests {

	@ParameterizedTest
	@EnumSource(value = TaskState.class, names = { "SUCCEEDED", "CANCELLED" })
	void succeededAndCancelledTasksNeverChange(TaskState terminal) {
		for (TaskState target : TaskState.values()) {
			assertThat(TaskTransitions.isAllowed(terminal, target)).as("%s -> %s", terminal, target).isFalse();
		}
	}

	@Test
	void queuedTaskCanBeClaimedFinishedOrCancelledButNotQueuedAgain() {
		assertThat(TaskTransitions.isAllowed(QUEUED, RUNNING)).isTrue();
		assertThat(TaskTransitions.isAllowed(QUEUED, FAILED)).isTrue();
		assertThat(TaskTransitions.isAllowed(QUEUED, CANCELLED)).isTrue();
		assertThat(TaskTransitions.isAllowed(QUEUED, SUCCEEDED)).isTrue();
		assertThat(TaskTransitions.isAllowed(QUEUED, QUEUED)).isFalse();
	}

	@Test
	void aTaskSucceedsWhenRunningOrWhenADeadWorkerLeftItsResultStored() {
		assertThat(TaskTransitions.sourcesOf(SUCCEEDED)).containsExactlyInAnyOrder(RUNNING, QUEUED);
	}

	@Test
	void aTaskCanBeClaimedWhenQueuedOrTakenOverWhenRunning() {
		assertThat(TaskTransitions.sourcesOf(RUNNING)).containsExactlyInAnyOrder(QUEUED, RUNNING);
	}

	@Test
	void aFailedTaskCanOnlyBeRedrivenBackToTheQueue() {
		for (TaskState target : TaskState.values()) {
			assertThat(TaskTransitions.isAllowed(FAILED, target)).as("FAILED -> %s", target).isEqualTo(target == QUEUED);
		}
	}

	@Test
	void terminalStatesAreThoseNoWorkerMovesOnFrom() {
		for (TaskState state : TaskState.values()) {
			// a worker moves a task only to RUNNING and on from there
			boolean workerMovesOn = TaskTransitions.isAllowed(state, RUNNING);
			boolean running = state == RUNNING;
			assertThat(state.isTerminal()).as(state.name()).isEqualTo(!workerMovesOn && !running);
		}
	}

}

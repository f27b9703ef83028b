package dev.hopper.api.status;

import java.time.Clock;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskQueries;

import org.springframework.stereotype.Component;

/** Turns a stored task into what a client sees now: heartbeat age, queue position. */
@Component
class TaskViews {

	private final TaskQueries tasks;

	private final Clock clock;

	TaskViews(TaskQueries tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	TaskView of(Task task) {
		Long position = (task.state() == TaskState.QUEUED) ? this.tasks.queuedAhead(task) + 1 : null;
		return TaskView.of(task, this.clock.instant(), position);
	}

	/** For a list: no queue positions, which cost a count each; a task's own page has them. */
	TaskView inList(Task task) {
		return TaskView.of(task, this.clock.instant(), null);
	}

}

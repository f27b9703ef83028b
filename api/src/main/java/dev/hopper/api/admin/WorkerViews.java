package dev.hopper.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.hopper.api.status.TaskView;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.worker.WorkerRegistry;
import dev.hopper.core.worker.WorkerStatus;

/** The worker processes as operators see them, live ones first: for the API and the console. */
public class WorkerViews {

	private final WorkerRegistry registry;

	private final TaskQueries tasks;

	private final Clock clock;

	public WorkerViews(WorkerRegistry registry, TaskQueries tasks, Clock clock) {
		this.registry = registry;
		this.tasks = tasks;
		this.clock = clock;
	}

	public List<WorkerView> all() {
		Instant now = this.clock.instant();
		return this.registry.all()
			.stream()
			.map((worker) -> WorkerView.of(worker, now, running(worker)))
			.sorted(Comparator.comparing(WorkerView::state).thenComparing(WorkerView::id))
			.toList();
	}

	private List<TaskView> running(WorkerStatus worker) {
		return worker.runningTaskIds()
			.stream()
			.map(this.tasks::find)
			.flatMap(Optional::stream)
			.map(TaskView::of)
			.toList();
	}

	/**
	 * A worker as operators see it.
	 *
	 * @param state {@code live}, or {@code lost} after three missed beats
	 * @param busy tasks it runs now, of {@code concurrency} per job type
	 * @param tasks those tasks, with their progress
	 */
	public record WorkerView(String id, String host, long pid, String version, List<String> jobTypes, int concurrency,
			Instant startedAt, Instant lastBeatAt, String state, int busy, List<TaskView> tasks) {

		static WorkerView of(WorkerStatus worker, Instant now, List<TaskView> tasks) {
			return new WorkerView(worker.id(), worker.host(), worker.pid(), worker.version(), worker.jobTypes(),
					worker.concurrency(), worker.startedAt(), worker.beatAt(), worker.isLost(now) ? "lost" : "live",
					worker.runningTaskIds().size(), tasks);
		}

	}

}

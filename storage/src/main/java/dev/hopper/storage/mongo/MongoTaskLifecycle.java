package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.task.Claim;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskEvent;
import dev.hopper.core.task.TaskEvent.Step;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskTransitions;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@link TaskLifecycle} on MongoDB. Each move filters on the source states that
 * {@link TaskTransitions} allows, so it applies at most once however many workers race.
 */
class MongoTaskLifecycle implements TaskLifecycle {

	/** A task keeps its latest steps: enough for any history a person reads, and a bounded document. */
	static final int HISTORY_LIMIT = 100;

	private final MongoOperations mongo;

	private final Clock clock;

	MongoTaskLifecycle(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void insert(Task task) {
		this.mongo.insert(task, TaskCollection.NAME);
	}

	@Override
	public void insertAll(List<Task> tasks) {
		if (!tasks.isEmpty()) {
			this.mongo.insert(tasks, TaskCollection.NAME);
		}
	}

	@Override
	public Claim claim(String id, String workerId, int maxAttempts) {
		Instant now = this.clock.instant();
		// a first claim also marks the start, in the same command; a later one finds it marked
		Task claimed = claim(id, maxAttempts, true, workerId, now);
		if (claimed == null) {
			claimed = claim(id, maxAttempts, false, workerId, now);
		}
		if (claimed != null) {
			return new Claim(Claim.Outcome.CLAIMED, claimed);
		}
		Task current = find(id).orElse(null);
		if (current == null) {
			return new Claim(Claim.Outcome.UNKNOWN, null);
		}
		return new Claim(current.state().isTerminal() ? Claim.Outcome.ALREADY_FINISHED : Claim.Outcome.EXHAUSTED,
				current);
	}

	@Override
	public void reportProgress(String id, Progress progress) {
		this.mongo.updateFirst(query(where("_id").is(id).and("state").is(TaskState.RUNNING)),
				new Update().set("progress", progress).set("heartbeatAt", this.clock.instant()), TaskCollection.NAME);
	}

	@Override
	public void heartbeat(String id) {
		this.mongo.updateFirst(query(where("_id").is(id).and("state").is(TaskState.RUNNING)),
				Update.update("heartbeatAt", this.clock.instant()), TaskCollection.NAME);
	}

	@Override
	public boolean succeed(String id, @Nullable Progress progress) {
		Update update = new Update();
		if (progress != null) {
			update.set("progress", progress);
		}
		return moveTo(id, Step.SUCCEEDED, TaskState.SUCCEEDED, update);
	}

	@Override
	public boolean succeedFromCache(String id, String originTaskId) {
		return moveTo(id, Step.REUSED, TaskState.SUCCEEDED, Update.update("cachedFrom", originTaskId), TaskState.RUNNING);
	}

	@Override
	public boolean fail(String id, TaskError error) {
		return moveTo(id, new Move(Step.FAILED, TaskState.FAILED, error), new Update(),
				TaskTransitions.sourcesOf(TaskState.FAILED).toArray(TaskState[]::new));
	}

	@Override
	public Optional<Task> cancel(String id) {
		if (!moveTo(id, Step.CANCELLED, TaskState.CANCELLED, new Update(), TaskState.QUEUED)) {
			Update request = Update.update("cancelRequested", true);
			record(request, new TaskEvent(this.clock.instant(), Step.CANCEL_REQUESTED, TaskState.RUNNING, null, null));
			this.mongo.updateFirst(
					query(where("_id").is(id).and("state").is(TaskState.RUNNING).and("cancelRequested").ne(true)),
					request, TaskCollection.NAME);
		}
		return find(id);
	}

	@Override
	public boolean shouldStop(String id) {
		Query stop = query(new Criteria().orOperator(where("cancelRequested").is(true),
				where("state").in(TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)))
			.addCriteria(where("_id").is(id));
		return this.mongo.exists(stop, TaskCollection.NAME);
	}

	@Override
	public boolean cancelled(String id) {
		return moveTo(id, Step.CANCELLED, TaskState.CANCELLED, new Update(), TaskState.RUNNING);
	}

	@Override
	public boolean handBack(String id) {
		return moveTo(id, Step.HANDED_BACK, TaskState.QUEUED, new Update().inc("attempts", -1).unset("workerId"),
				TaskState.RUNNING);
	}

	@Override
	public boolean requeue(String id, TaskError error, Instant retryAt) {
		Update update = new Update().set("published", false).set("retryAt", retryAt).unset("workerId");
		return moveTo(id, new Move(Step.RETRY_SCHEDULED, TaskState.QUEUED, error), update, TaskState.RUNNING);
	}

	@Override
	public boolean releaseOrphan(String id, String workerId, Instant silentSince, TaskError error) {
		Criteria stillSilent = where("workerId").is(workerId).and("heartbeatAt").lt(silentSince);
		Update update = new Update().set("published", false).unset("workerId");
		return moveTo(id, new Move(Step.ORPHAN_RELEASED, TaskState.QUEUED, error), update, stillSilent,
				TaskState.RUNNING);
	}

	@Override
	public boolean redrive(String id) {
		Update update = new Update().set("attempts", 0)
			.set("published", false)
			.unset("finishedAt")
			.unset("workerId")
			.set("cancelRequested", false);
		return moveTo(id, Step.REDRIVEN, TaskState.QUEUED, update, TaskState.FAILED);
	}

	private boolean moveTo(String id, Step step, TaskState target, Update update) {
		return moveTo(id, step, target, update, TaskTransitions.sourcesOf(target).toArray(TaskState[]::new));
	}

	/** Moves the task to {@code target} from one of {@code from}, which the transition table must allow. */
	private boolean moveTo(String id, Step step, TaskState target, Update update, TaskState... from) {
		return moveTo(id, new Move(step, target, null), update, from);
	}

	private boolean moveTo(String id, Move move, Update update, TaskState... from) {
		return moveTo(id, move, update, null, from);
	}

	/** As above, only while the task also meets {@code condition}; the step joins its history in the same update. */
	private boolean moveTo(String id, Move move, Update update, @Nullable Criteria condition, TaskState... from) {
		requireTransitions(move.target(), from);
		Query movable = query(where("_id").is(id).and("state").in((Object[]) from));
		if (condition != null) {
			movable.addCriteria(condition);
		}
		Instant now = this.clock.instant();
		update.set("state", move.target());
		if (move.target().isTerminal()) {
			update.set("finishedAt", now);
		}
		if (move.error() != null) {
			update.set("error", move.error());
		}
		else if (move.target() == TaskState.SUCCEEDED) {
			// an earlier attempt's error is history now, not the task's state
			update.unset("error");
		}
		record(update, new TaskEvent(now, move.step(), move.target(), null, move.error()));
		return this.mongo.updateFirst(movable, update, TaskCollection.NAME).getModifiedCount() == 1;
	}

	/** Claims the task if it is claimable and, as {@code first} says, never started or started before. */
	private @Nullable Task claim(String id, int maxAttempts, boolean first, String workerId, Instant now) {
		Criteria claimable = where("_id").is(id)
			.and("state")
			.in(TaskTransitions.sourcesOf(TaskState.RUNNING))
			.and("attempts")
			.lt(maxAttempts)
			.and("startedAt");
		claimable = first ? claimable.is(null) : claimable.ne(null);
		Update update = new Update().set("state", TaskState.RUNNING)
			.set("workerId", workerId)
			.set("heartbeatAt", now)
			.inc("attempts", 1);
		if (first) {
			update.set("startedAt", now);
		}
		record(update, new TaskEvent(now, Step.CLAIMED, TaskState.RUNNING, workerId, null));
		return this.mongo.findAndModify(query(claimable), update, FindAndModifyOptions.options().returnNew(true),
				Task.class, TaskCollection.NAME);
	}

	private static void record(Update update, TaskEvent event) {
		update.push("history").slice(-HISTORY_LIMIT).each(event);
	}

	private static void requireTransitions(TaskState target, TaskState... from) {
		for (TaskState source : from) {
			if (!TaskTransitions.isAllowed(source, target)) {
				throw new IllegalArgumentException(source + " -> " + target + " is not a task transition");
			}
		}
	}

	private Optional<Task> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Task.class, TaskCollection.NAME));
	}

	/** A step, the state it leads to, and the error it records (kept as the task's last). */
	private record Move(Step step, TaskState target, @Nullable TaskError error) {
	}

}

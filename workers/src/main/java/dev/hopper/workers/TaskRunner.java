package dev.hopper.workers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.hopper.core.TransientFailure;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.task.Claim;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.jobs.JobRun;
import dev.hopper.jobs.WorkerDrain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Handles one delivery of a task message: takes the task's lease, claims the task, runs its
 * job and records the outcome in the task store before answering what to tell the broker.
 * The lease and the conditional claim are the inbox that makes a duplicate delivery harmless.
 */
class TaskRunner {

	static final String ATTEMPTS_EXHAUSTED = "attempts_exhausted";

	static final String UNKNOWN_TASK = "unknown_task";

	private static final Logger logger = LoggerFactory.getLogger(TaskRunner.class);

	private final TaskLifecycle tasks;

	private final LeaseKeeper leases;

	private final TaskJobLauncher launcher;

	private final TaskMetrics metrics;

	private final ResultReuse reuse;

	private final WorkerDrain drain;

	private final WorkerProperties properties;

	private final Clock clock;

	TaskRunner(TaskLifecycle tasks, LeaseKeeper leases, TaskJobLauncher launcher, TaskMetrics metrics, ResultReuse reuse,
			WorkerDrain drain, WorkerProperties properties, Clock clock) {
		this.drain = drain;
		this.tasks = tasks;
		this.leases = leases;
		this.launcher = launcher;
		this.metrics = metrics;
		this.reuse = reuse;
		this.properties = properties;
		this.clock = clock;
	}

	Verdict run(TaskMessage message) {
		String taskId = message.taskId();
		if (this.drain.isDraining()) {
			// shutting down: the message goes back for another worker
			return record(message, Verdict.of(TaskOutcome.RETRY));
		}
		if (!this.leases.acquire(taskId)) {
			logger.debug("Task {} is leased by another worker; dropping the duplicate delivery", taskId);
			return record(message, Verdict.of(TaskOutcome.DUPLICATE));
		}
		try {
			Claim claim = this.tasks.claim(taskId, this.properties.id(), this.properties.maxAttempts());
			return record(message, switch (claim.outcome()) {
				case CLAIMED -> start(message, claim.task());
				case ALREADY_FINISHED -> Verdict.of(TaskOutcome.DUPLICATE);
				case UNKNOWN -> Verdict.dead(UNKNOWN_TASK, "No task " + taskId + " exists");
				case EXHAUSTED -> exhausted(taskId, claim.task());
			});
		}
		finally {
			this.leases.release(taskId);
		}
	}

	private Verdict start(TaskMessage message, Task task) {
		if (task.attempts() == 1) {
			this.metrics.queueWait(task.type(), Duration.between(task.createdAt(), this.clock.instant()));
		}
		if (task.cancelRequested()) {
			return cancelled(task.id());
		}
		if (this.reuse.reuse(task)) {
			logger.info("Task {} finished with an earlier task's result", task.id());
			return Verdict.of(TaskOutcome.CACHED);
		}
		return runJob(message, task);
	}

	private Verdict runJob(TaskMessage message, Task task) {
		Instant started = this.clock.instant();
		logger.info("Task {} started: {}, attempt {}", task.id(), task.type(), task.attempts());
		Verdict verdict;
		try {
			JobRun run = new JobRun(task, this.properties.resumable(task.upload().sizeBytes()));
			JobExecution execution = this.launcher.run(run);
			verdict = judge(run, execution);
		}
		catch (RuntimeException ex) {
			verdict = failed(task, ex);
		}
		Duration ran = Duration.between(started, this.clock.instant());
		this.metrics.jobRan(message.type(), verdict.outcome(), ran);
		logger.info("Task {} ran {} ms: {}", task.id(), ran.toMillis(), verdict.outcome());
		return verdict;
	}

	private Verdict judge(JobRun run, JobExecution execution) {
		Task task = run.task();
		String taskId = task.id();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			this.tasks.succeed(taskId, run.unwrittenProgress());
			this.reuse.remember(task, run.storedDegraded());
			return Verdict.of(TaskOutcome.SUCCEEDED);
		}
		if (execution.getStatus() == BatchStatus.STOPPED && this.tasks.shouldStop(taskId)) {
			return cancelled(taskId);
		}
		if (execution.getStatus() == BatchStatus.STOPPED && this.drain.isDraining()) {
			// stopped at a chunk boundary for shutdown: another worker restarts it from there
			this.tasks.handBack(taskId);
			logger.info("Task {} handed back at a chunk boundary: this worker is shutting down", taskId);
			return Verdict.of(TaskOutcome.RETRY);
		}
		Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
		if (cause == null) {
			// no exception to judge by: the job stopped short, as a killed step does
			cause = new TransientFailure("job_incomplete", "The job ended " + execution.getStatus());
		}
		return failed(task, cause);
	}

	private Verdict failed(Task task, Throwable thrown) {
		String taskId = task.id();
		JobFailure failure = JobFailure.of(thrown);
		if (failure.kind() == JobFailure.Kind.INTERNAL) {
			logger.error("Task {} ({}) failed with an internal error; it is not retried", taskId, task.type(), thrown);
			this.metrics.internalError(task.type(), thrown);
		}
		if (failure.kind() == JobFailure.Kind.TRANSIENT) {
			return retry(task, failure.error(), thrown);
		}
		this.tasks.fail(taskId, failure.error());
		return Verdict.of(TaskOutcome.FAILED);
	}

	private Verdict retry(Task task, TaskError error, Throwable cause) {
		String taskId = task.id();
		int attempt = task.attempts();
		logger.warn("Task {} failed transiently: {}", taskId, error.message(), cause);
		if (this.tasks.shouldStop(taskId)) {
			return cancelled(taskId);
		}
		if (attempt >= this.properties.maxAttempts()) {
			return exhausted(taskId, attempt, error);
		}
		Instant retryAt = this.clock.instant()
			.plus(this.properties.retryDelay(attempt, ThreadLocalRandom.current().nextDouble()));
		this.tasks.requeue(taskId, error, retryAt);
		return Verdict.of(TaskOutcome.DEFERRED);
	}

	/** A client cancelled the task while it ran: it ends CANCELLED, its message is done with. */
	private Verdict cancelled(String taskId) {
		this.tasks.cancelled(taskId);
		return Verdict.of(TaskOutcome.CANCELLED);
	}

	private Verdict exhausted(String taskId, @Nullable Task task) {
		TaskError last = (task != null) ? task.error() : null;
		return exhausted(taskId, (task != null) ? task.attempts() : this.properties.maxAttempts(),
				(last != null) ? last : new TaskError(JobFailure.INTERNAL_ERROR, "no error was recorded"));
	}

	private Verdict exhausted(String taskId, int attempts, TaskError last) {
		if (this.reuse.finishStored(taskId)) {
			// running out of attempts does not undo work that is done
			logger.info("Task {} ran out of attempts after its result was stored; it succeeds", taskId);
			return Verdict.of(TaskOutcome.SUCCEEDED);
		}
		String detail = "Gave up after " + attempts + " attempts; last error: " + last.code() + ": " + last.message();
		this.tasks.fail(taskId, new TaskError(ATTEMPTS_EXHAUSTED, detail));
		return Verdict.dead(ATTEMPTS_EXHAUSTED, detail);
	}

	private Verdict record(TaskMessage message, Verdict verdict) {
		this.metrics.finished(message.type(), verdict.outcome());
		return verdict;
	}

	/** The outcome, and for a dead letter its reason. */
	record Verdict(TaskOutcome outcome, String code, String detail) {

		static Verdict of(TaskOutcome outcome) {
			return new Verdict(outcome, "", "");
		}

		static Verdict dead(String code, String detail) {
			return new Verdict(TaskOutcome.DEAD_LETTER, code, detail);
		}

	}

}

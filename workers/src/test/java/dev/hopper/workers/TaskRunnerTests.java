package dev.hopper.workers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.TransientFailure;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.task.Claim;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.jobs.WorkerDrain;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.dao.DataAccessResourceFailureException;

import static dev.hopper.core.task.TaskBuilder.aRunningTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Each outcome of one delivery, with the store, lease and job launcher as test doubles. */
class TaskRunnerTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final TaskLifecycle tasks = mock(TaskLifecycle.class);

	private final LeaseKeeper leases = mock(LeaseKeeper.class);

	private final TaskJobLauncher launcher = mock(TaskJobLauncher.class);

	private final ResultReuse reuse = mock(ResultReuse.class);

	private final WorkerDrain drain = new WorkerDrain();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final WorkerProperties properties = new WorkerProperties("worker-1", 1, 3, null, null, null, null,
			Duration.ofSeconds(5), Duration.ofMinutes(5), null, null, null, null);

	private final TaskRunner runner = new TaskRunner(this.tasks, this.leases, this.launcher,
			new TaskMetrics(this.meters), this.reuse, this.drain, this.properties, Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void leaseIsFree() {
		when(this.leases.acquire(anyString())).thenReturn(true);
	}

	@Test
	void aCompletedJobSucceedsItsTaskAndRemembersTheResult() {
		Task task = claimed(aRunningTask().build());
		jobEnds(task, BatchStatus.COMPLETED);

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.SUCCEEDED);
		verify(this.tasks).succeed(task.id(), null);
		verify(this.reuse).remember(task, Optional.empty());
		verify(this.leases).release(task.id());
	}

	@Test
	void aNullPointerExceptionFailsTheTaskOnceAsInternalError() {
		Task task = claimed(aRunningTask().build());
		jobEnds(task, BatchStatus.FAILED, new NullPointerException("a bug"));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.FAILED);
		assertThat(failedWith(task).code()).isEqualTo("internal_error");
		assertThat(failedWith(task).message()).doesNotContain("a bug");
		verify(this.tasks, never()).requeue(anyString(), any(), any());
		assertThat(this.meters.get("hopper.tasks.internal.errors")
			.tag("type", "audio-features")
			.tag("exception", "NullPointerException")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void aProgrammingErrorThrownByTheLauncherIsNotRetried() {
		Task task = claimed(aRunningTask().build());
		when(this.launcher.run(argThat((run) -> run.task().equals(task)))).thenThrow(new ClassCastException("String to Long"));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.FAILED);
		assertThat(failedWith(task).code()).isEqualTo("internal_error");
		verify(this.tasks, never()).requeue(anyString(), any(), any());
	}

	@Test
	void aPermanentFailureFailsTheTaskWithItsOwnCode() {
		Task task = claimed(aRunningTask().build());
		jobEnds(task, BatchStatus.FAILED,
				new IllegalStateException("step failed", new PermanentFailure("corrupt_audio", "not audio")));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.FAILED);
		assertThat(failedWith(task)).isEqualTo(new TaskError("corrupt_audio", "not audio"));
		assertThat(this.meters.find("hopper.tasks.internal.errors").counter()).isNull();
	}

	@Test
	void aTransientFailureRequeuesTheTaskWithABackedOffRetryTime() {
		Task task = claimed(aRunningTask().withAttempts(1).build());
		jobEnds(task, BatchStatus.FAILED, new TransientFailure("storage_unavailable", "S3 is away"));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.DEFERRED);
		ArgumentCaptor<Instant> retryAt = ArgumentCaptor.forClass(Instant.class);
		verify(this.tasks).requeue(eq(task.id()), eq(new TaskError("storage_unavailable", "S3 is away")),
				retryAt.capture());
		// first retry: 5 s ± 20 %
		assertThat(retryAt.getValue()).isBetween(NOW.plusSeconds(4), NOW.plusSeconds(6));
		verify(this.tasks, never()).fail(anyString(), any());
	}

	@Test
	void anInfrastructureOutageIsTransientThoughNotAHopperFailure() {
		Task task = claimed(aRunningTask().build());
		jobEnds(task, BatchStatus.FAILED, new DataAccessResourceFailureException("MongoDB is away"));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.DEFERRED);
		verify(this.tasks).requeue(eq(task.id()), any(), any());
	}

	@Test
	void aTransientFailureOnTheLastAttemptDeadLettersTheTask() {
		Task task = claimed(aRunningTask().withAttempts(3).build());
		jobEnds(task, BatchStatus.FAILED, new TransientFailure("storage_unavailable", "S3 is away"));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.DEAD_LETTER);
		assertThat(verdict.code()).isEqualTo("attempts_exhausted");
		assertThat(failedWith(task).code()).isEqualTo("attempts_exhausted");
		assertThat(failedWith(task).message()).contains("storage_unavailable");
	}

	@Test
	void aTaskWithoutAttemptsLeftIsFailedAndDeadLettered() {
		Task task = aRunningTask().withAttempts(3).withError("worker_lost", "its worker died").build();
		when(this.tasks.claim(task.id(), "worker-1", 3)).thenReturn(new Claim(Claim.Outcome.EXHAUSTED, task));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.DEAD_LETTER);
		assertThat(failedWith(task).message()).contains("worker_lost");
		verify(this.launcher, never()).run(any());
	}

	@Test
	void aTaskWithoutAttemptsLeftButWithAStoredResultSucceeds() {
		Task task = aRunningTask().withAttempts(3).build();
		when(this.tasks.claim(task.id(), "worker-1", 3)).thenReturn(new Claim(Claim.Outcome.EXHAUSTED, task));
		when(this.reuse.finishStored(task.id())).thenReturn(true);

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.SUCCEEDED);
		verify(this.tasks, never()).fail(anyString(), any());
	}

	@Test
	void aDeliveryOfAFinishedTaskIsADuplicate() {
		Task task = aRunningTask().build();
		when(this.tasks.claim(task.id(), "worker-1", 3)).thenReturn(new Claim(Claim.Outcome.ALREADY_FINISHED, task));

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.DUPLICATE);
		verify(this.launcher, never()).run(any());
	}

	@Test
	void aDeliveryWhoseLeaseIsHeldElsewhereIsADuplicateAndNeverClaims() {
		Task task = aRunningTask().build();
		when(this.leases.acquire(task.id())).thenReturn(false);

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.DUPLICATE);
		verify(this.tasks, never()).claim(anyString(), anyString(), anyInt());
	}

	@Test
	void aMessageForNoTaskIsDeadLettered() {
		Task task = aRunningTask().build();
		when(this.tasks.claim(task.id(), "worker-1", 3)).thenReturn(new Claim(Claim.Outcome.UNKNOWN, null));

		TaskRunner.Verdict verdict = deliver(task);

		assertThat(verdict.outcome()).isEqualTo(TaskOutcome.DEAD_LETTER);
		assertThat(verdict.code()).isEqualTo("unknown_task");
	}

	@Test
	void aTaskCancelledBeforeItsJobStartsEndsCancelledWithoutAJob() {
		Task task = claimed(aRunningTask().cancelRequested().build());

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.CANCELLED);
		verify(this.tasks).cancelled(task.id());
		verify(this.launcher, never()).run(any());
	}

	@Test
	void aTaskWhoseWorkWasDoneBeforeIsAnsweredFromTheCache() {
		Task task = claimed(aRunningTask().build());
		when(this.reuse.reuse(task)).thenReturn(true);

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.CACHED);
		verify(this.launcher, never()).run(any());
	}

	@Test
	void aJobStoppedByACancelEndsCancelled() {
		Task task = claimed(aRunningTask().build());
		jobEnds(task, BatchStatus.STOPPED);
		when(this.tasks.shouldStop(task.id())).thenReturn(true);

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.CANCELLED);
		verify(this.tasks).cancelled(task.id());
	}

	@Test
	void aJobStoppedForShutdownIsHandedBackForAnotherWorker() {
		Task task = claimed(aRunningTask().build());
		when(this.launcher.run(argThat((run) -> run.task().equals(task)))).thenAnswer((invocation) -> {
			this.drain.start();
			return execution(BatchStatus.STOPPED);
		});

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.RETRY);
		verify(this.tasks).handBack(task.id());
	}

	@Test
	void aDrainingWorkerClaimsNothing() {
		Task task = aRunningTask().build();
		this.drain.start();

		assertThat(deliver(task).outcome()).isEqualTo(TaskOutcome.RETRY);
		verify(this.leases, never()).acquire(anyString());
		verify(this.tasks, never()).claim(anyString(), anyString(), anyInt());
	}

	private Task claimed(Task task) {
		when(this.tasks.claim(task.id(), "worker-1", 3)).thenReturn(new Claim(Claim.Outcome.CLAIMED, task));
		return task;
	}

	private void jobEnds(Task task, BatchStatus status, Throwable... failures) {
		JobExecution execution = execution(status);
		for (Throwable failure : failures) {
			execution.addFailureException(failure);
		}
		when(this.launcher.run(argThat((run) -> run.task().equals(task)))).thenReturn(execution);
	}

	private static JobExecution execution(BatchStatus status) {
		JobExecution execution = new JobExecution(1L, new JobInstance(1L, "audio-features"), new JobParameters());
		execution.setStatus(status);
		return execution;
	}

	private TaskRunner.Verdict deliver(Task task) {
		return this.runner.run(new TaskMessage(task.id(), task.type()));
	}

	private TaskError failedWith(Task task) {
		ArgumentCaptor<TaskError> error = ArgumentCaptor.forClass(TaskError.class);
		verify(this.tasks).fail(eq(task.id()), error.capture());
		return error.getValue();
	}

}

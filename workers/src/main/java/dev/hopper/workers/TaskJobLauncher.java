package dev.hopper.workers;

import java.util.Map;

import dev.hopper.core.TransientFailure;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.jobs.JobRun;
import dev.hopper.workers.batch.TransientRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs a task's job: one job instance per task (the task id is the identifying parameter).
 * A first delivery starts it; a later one restarts the last execution from its last
 * committed chunk, recovering it first if a dead JVM left it STARTED. A small task's job
 * keeps no record to restart from: every delivery runs it from its start.
 */
class TaskJobLauncher {

	static final String TASK_ID = "taskId";

	/** The key {@code JobOperator.recover} marks a recovered execution's context with. */
	private static final String RECOVERED = "batch.recovered";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<JobType, Job> jobs;

	TaskJobLauncher(JobOperator jobOperator, JobRepository jobRepository, Map<JobType, Job> jobs) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = Map.copyOf(jobs);
	}

	boolean canRun(JobType type) {
		return this.jobs.containsKey(type);
	}

	/**
	 * Runs the task's job to its end on this thread as {@code run} and returns the finished
	 * execution; a run that is not resumable is recorded in memory only ({@link TransientRuns}).
	 */
	JobExecution run(JobRun run) {
		Task task = run.task();
		Job job = this.jobs.get(task.type());
		if (job == null) {
			throw new IllegalArgumentException("No job for type " + task.type());
		}
		String taskId = task.id();
		JobParameters parameters = parametersOf(taskId);
		try {
			return run.call(() -> run.isResumable() ? startOrRestart(job, parameters)
					: TransientRuns.run(() -> this.jobOperator.start(job, parameters)));
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new TransientFailure("job_running", "The job of task " + taskId + " is running elsewhere", ex);
		}
		catch (Exception ex) {
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new TransientFailure("job_launch_failed", "Could not launch the job of task " + taskId + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** Removes the record of the task's job, where one was kept (a resumable run's), with all its executions. */
	void forget(Task task) {
		JobInstance instance = this.jobRepository.getJobInstance(task.type().wireName(), parametersOf(task.id()));
		if (instance != null) {
			this.jobRepository.deleteJobInstance(instance);
		}
	}

	/** One job instance per task: the task id is its identifying parameter. */
	private static JobParameters parametersOf(String taskId) {
		return new JobParametersBuilder().addString(TASK_ID, taskId, true).toJobParameters();
	}

	/** A first delivery starts the job; a later one restarts its last execution. */
	private JobExecution startOrRestart(Job job, JobParameters parameters) throws Exception {
		JobInstance instance = this.jobRepository.getJobInstance(job.getName(), parameters);
		JobExecution last = (instance != null) ? this.jobRepository.getLastJobExecution(instance) : null;
		if (last == null) {
			if (instance != null) {
				// a JVM died between creating the instance and its first execution: nothing
				// ran, and Spring Batch can neither start nor restart such an instance
				this.jobRepository.deleteJobInstance(instance);
			}
			return this.jobOperator.start(job, parameters);
		}
		if (last.getStatus() == BatchStatus.COMPLETED) {
			return last;
		}
		// we hold the task's lease, so no live worker runs any of its executions: every one
		// a dead JVM left running is recovered, not only the last (a task killed on more
		// than one worker can leave several, and any one blocks the restart)
		for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
			if (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.UNKNOWN) {
				// a restart copies the job's context, and with it the flag recover() set on
				// the execution before; recover() would take this one for recovered already
				// and leave it running, so the restart would fail "already running"
				execution.getExecutionContext().remove(RECOVERED);
				JobExecution recovered = this.jobOperator.recover(execution);
				last = java.util.Objects.equals(execution.getId(), last.getId()) ? recovered : last;
			}
		}
		return this.jobOperator.restart(last);
	}

}

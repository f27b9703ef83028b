package dev.hopper.workers.batch;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The record of one job run, kept in memory for as long as the run lasts ({@link TransientRuns}).
 * It holds one instance, its executions and their steps, and is used from the one thread the
 * run is on. Ids count down from -1 across all runs: Spring Batch's step and job scopes key
 * their contexts by execution, so two runs at once must never share an id, nor meet an id of
 * the repository in MongoDB (which counts up).
 */
final class TransientJobRepository implements JobRepository {

	private static final AtomicLong IDS = new AtomicLong();

	private static final JobKeyGenerator KEYS = new DefaultJobKeyGenerator();

	private @Nullable JobInstance instance;

	private @Nullable String instanceKey;

	private final List<JobExecution> executions = new ArrayList<>();

	private static long nextId() {
		return IDS.decrementAndGet();
	}

	@Override
	public JobInstance createJobInstance(String jobName, JobParameters jobParameters) {
		if (this.instance != null) {
			throw new IllegalStateException("A transient job record holds one job instance");
		}
		this.instance = new JobInstance(nextId(), jobName);
		this.instanceKey = KEYS.generateKey(jobParameters);
		return this.instance;
	}

	@Override
	public @Nullable JobInstance getJobInstance(String jobName, JobParameters jobParameters) {
		return (this.instance != null && this.instance.getJobName().equals(jobName)
				&& KEYS.generateKey(jobParameters).equals(this.instanceKey)) ? this.instance : null;
	}

	@Override
	public @Nullable JobInstance getJobInstance(long instanceId) {
		return (this.instance != null && this.instance.getInstanceId() == instanceId) ? this.instance : null;
	}

	@Override
	public @Nullable JobInstance getLastJobInstance(String jobName) {
		return instances(jobName).findFirst().orElse(null);
	}

	@Override
	public List<String> getJobNames() {
		return (this.instance != null) ? List.of(this.instance.getJobName()) : List.of();
	}

	@Override
	public List<JobInstance> getJobInstances(String jobName, int start, int count) {
		return instances(jobName).skip(start).limit(count).toList();
	}

	@Override
	public List<JobInstance> findJobInstances(String jobName) {
		return instances(jobName).toList();
	}

	@Override
	public long getJobInstanceCount(String jobName) {
		return instances(jobName).count();
	}

	@Override
	public void deleteJobInstance(JobInstance jobInstance) {
		if (this.instance != null && this.instance.getInstanceId() == jobInstance.getInstanceId()) {
			this.instance = null;
			this.instanceKey = null;
			this.executions.clear();
		}
	}

	@Override
	public JobExecution createJobExecution(JobInstance jobInstance, JobParameters jobParameters,
			ExecutionContext executionContext) {
		if (this.instance == null || this.instance.getInstanceId() != jobInstance.getInstanceId()) {
			throw new IllegalStateException("Job instance " + jobInstance.getInstanceId() + " is not in this record");
		}
		JobExecution execution = new JobExecution(nextId(), jobInstance, jobParameters);
		execution.setExecutionContext(executionContext);
		execution.setCreateTime(LocalDateTime.now());
		jobInstance.addJobExecution(execution);
		this.executions.add(execution);
		return execution;
	}

	@Override
	public @Nullable JobExecution getJobExecution(long executionId) {
		return this.executions.stream().filter((execution) -> execution.getId() == executionId).findFirst().orElse(null);
	}

	@Override
	public List<JobExecution> getJobExecutions(JobInstance jobInstance) {
		return ofInstance(jobInstance).sorted(Comparator.comparingLong(JobExecution::getId)).toList();
	}

	@Override
	public @Nullable JobExecution getLastJobExecution(JobInstance jobInstance) {
		return ofInstance(jobInstance).min(Comparator.comparingLong(JobExecution::getId)).orElse(null);
	}

	@Override
	public @Nullable JobExecution getLastJobExecution(String jobName, JobParameters jobParameters) {
		JobInstance found = getJobInstance(jobName, jobParameters);
		return (found != null) ? getLastJobExecution(found) : null;
	}

	@Override
	public Set<JobExecution> findRunningJobExecutions(String jobName) {
		Set<JobExecution> running = new HashSet<>();
		this.executions.stream()
			.filter((execution) -> execution.getJobInstance().getJobName().equals(jobName) && execution.isRunning())
			.forEach(running::add);
		return running;
	}

	@Override
	public void update(JobExecution jobExecution) {
		jobExecution.setLastUpdated(LocalDateTime.now());
	}

	@Override
	public void updateExecutionContext(JobExecution jobExecution) {
		// held in memory already
	}

	@Override
	public void deleteJobExecution(JobExecution jobExecution) {
		this.executions.removeIf((execution) -> execution.getId() == jobExecution.getId());
	}

	@Override
	public StepExecution createStepExecution(String stepName, JobExecution jobExecution) {
		StepExecution step = new StepExecution(nextId(), stepName, jobExecution);
		LocalDateTime now = LocalDateTime.now();
		step.setCreateTime(now);
		step.setStartTime(now);
		step.setStatus(BatchStatus.STARTING);
		step.setLastUpdated(now);
		step.incrementVersion();
		jobExecution.addStepExecution(step);
		return step;
	}

	@Override
	public @Nullable StepExecution getStepExecution(long jobExecutionId, long stepExecutionId) {
		JobExecution execution = getJobExecution(jobExecutionId);
		return (execution != null) ? execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getId() == stepExecutionId)
			.findFirst()
			.orElse(null) : null;
	}

	@Override
	public @Nullable StepExecution getStepExecution(long stepExecutionId) {
		return steps().filter((step) -> step.getId() == stepExecutionId).findFirst().orElse(null);
	}

	@Override
	public @Nullable StepExecution getLastStepExecution(JobInstance jobInstance, String stepName) {
		// ids count down: the latest is the smallest
		return steps(jobInstance, stepName).min(Comparator.comparingLong(StepExecution::getId)).orElse(null);
	}

	@Override
	public long getStepExecutionCount(JobInstance jobInstance, String stepName) {
		return steps(jobInstance, stepName).count();
	}

	@Override
	public void update(StepExecution stepExecution) {
		stepExecution.setLastUpdated(LocalDateTime.now());
	}

	@Override
	public void updateExecutionContext(StepExecution stepExecution) {
		// held in memory already
	}

	@Override
	public void deleteStepExecution(StepExecution stepExecution) {
		stepExecution.getJobExecution().getStepExecutions().remove(stepExecution);
	}

	private Stream<JobInstance> instances(String jobName) {
		return Stream.ofNullable(this.instance).filter((found) -> found.getJobName().equals(jobName));
	}

	private Stream<JobExecution> ofInstance(JobInstance jobInstance) {
		return this.executions.stream()
			.filter((execution) -> Objects.equals(execution.getJobInstance().getInstanceId(),
					jobInstance.getInstanceId()));
	}

	private Stream<StepExecution> steps() {
		return this.executions.stream().flatMap((execution) -> execution.getStepExecutions().stream());
	}

	private Stream<StepExecution> steps(JobInstance jobInstance, String stepName) {
		return ofInstance(jobInstance).flatMap((execution) -> execution.getStepExecutions().stream())
			.filter((step) -> step.getStepName().equals(stepName));
	}

}

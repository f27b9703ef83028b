package dev.hopper.workers.batch;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TransientRunsTests {

	private final JobRepository durable = new ResourcelessJobRepository();

	private final JobRepository routing = TransientRuns.routing(this.durable);

	private final JobParameters task = new JobParametersBuilder().addString("taskId", "t1").toJobParameters();

	@Test
	void insideARunTheRecordIsKeptApartFromTheDurableRepository() throws Exception {
		JobInstance inside = TransientRuns.run(() -> {
			JobInstance instance = this.routing.createJobInstance("audio-features", this.task);
			JobExecution execution = this.routing.createJobExecution(instance, this.task, new ExecutionContext());
			StepExecution first = this.routing.createStepExecution("audio-analysis", execution);
			StepExecution second = this.routing.createStepExecution("audio-analysis", execution);
			assertThat(this.routing.getJobInstance("audio-features", this.task)).isSameAs(instance);
			assertThat(this.routing.getLastStepExecution(instance, "audio-analysis")).isSameAs(second);
			assertThat(this.routing.getStepExecutionCount(instance, "audio-analysis")).isEqualTo(2);
			assertThat(first.getId()).isNotEqualTo(second.getId());
			return instance;
		});

		assertThat(this.durable.getJobInstance("audio-features", this.task)).isNull();
		assertThat(this.routing.getJobInstance("audio-features", this.task)).as("outside a run: the durable one")
			.isNull();
		assertThat(inside.getInstanceId()).as("never an id of the durable repository").isNegative();
	}

	@Test
	void runsNeverShareAnExecutionId() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			TransientRuns.run(() -> {
				JobInstance instance = this.routing.createJobInstance("audio-features", this.task);
				JobExecution execution = this.routing.createJobExecution(instance, this.task, new ExecutionContext());
				ids.add(instance.getInstanceId());
				ids.add(execution.getId());
				ids.add(this.routing.createStepExecution("audio-analysis", execution).getId());
				return null;
			});
		}
		assertThat(ids).doesNotHaveDuplicates().allMatch((id) -> id < 0);
	}

	@Test
	void aRunCannotStartInsideAnother() throws Exception {
		TransientRuns.run(() -> {
			assertThatIllegalStateException().isThrownBy(() -> TransientRuns.run(() -> null));
			return null;
		});
	}

}

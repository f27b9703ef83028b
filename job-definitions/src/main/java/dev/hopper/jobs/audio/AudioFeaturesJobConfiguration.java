package dev.hopper.jobs.audio;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.jobs.CancellationCheck;
import dev.hopper.jobs.WorkerDrain;
import dev.hopper.jobs.audio.engine.AudioFeatures;
import dev.hopper.jobs.audio.engine.AudioSegment;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code audio-features} job: an analysis step whose chunk items are segments of the
 * file, then a step that writes the result.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AudioJobProperties.class)
public class AudioFeaturesJobConfiguration {

	static final String ANALYSIS_STEP = "audio-analysis";

	/** The engine's version, which keys the result cache. */
	@Bean
	EngineVersion audioFeaturesEngine() {
		return new EngineVersion(JobType.AUDIO_FEATURES, AudioFeatures.ENGINE_VERSION);
	}

	@Bean
	Job audioFeaturesJob(JobRepository jobRepository, Step audioAnalysisStep, Step audioResultStep) {
		return new JobBuilder(JobType.AUDIO_FEATURES.wireName(), jobRepository).start(audioAnalysisStep)
			.next(audioResultStep)
			.build();
	}

	@Bean
	Step audioAnalysisStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AudioSegmentItemReader audioSegmentReader, FeatureAccumulator featureAccumulator,
			CancellationCheck audioCancellationCheck, AudioJobProperties properties) {
		return new StepBuilder(ANALYSIS_STEP, jobRepository)
			.<AudioSegment, AudioSegment>chunk(properties.segmentsPerChunk())
			.transactionManager(transactionManager)
			.reader(audioSegmentReader)
			.writer(featureAccumulator)
			.listener(audioCancellationCheck)
			.build();
	}

	@Bean
	Step audioResultStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ResultStore results) {
		return new StepBuilder("audio-result", jobRepository)
			.tasklet(new AudioResultTasklet(results, jobRepository, ANALYSIS_STEP), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	AudioSegmentItemReader audioSegmentReader(@Value("#{jobParameters['taskId']}") String taskId, TaskQueries tasks,
			BlobStore blobs, AudioJobProperties properties) {
		return new AudioSegmentItemReader(taskId, tasks, blobs, properties.segmentFrames());
	}

	@Bean
	@StepScope
	CancellationCheck audioCancellationCheck(@Value("#{jobParameters['taskId']}") String taskId, TaskLifecycle tasks,
			WorkerDrain drain) {
		return new CancellationCheck(taskId, tasks, drain);
	}

	@Bean
	@StepScope
	FeatureAccumulator featureAccumulator(@Value("#{jobParameters['taskId']}") String taskId, TaskLifecycle tasks) {
		return new FeatureAccumulator(taskId, tasks);
	}

}

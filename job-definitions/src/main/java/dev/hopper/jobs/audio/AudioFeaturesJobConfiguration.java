package dev.hopper.jobs.audio;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.audio.engine.AudioSegment;
import dev.hopper.jobs.audio.engine.SignalLevels;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
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

	@Bean
	Job audioFeaturesJob(JobRepository jobRepository, Step audioAnalysisStep, Step audioResultStep) {
		return new JobBuilder(JobType.AUDIO_FEATURES.wireName(), jobRepository).start(audioAnalysisStep)
			.next(audioResultStep)
			.build();
	}

	@Bean
	Step audioAnalysisStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AudioSegmentItemReader audioSegmentReader, LevelsAccumulator levelsAccumulator,
			AudioJobProperties properties) {
		ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
		promotion.setKeys(new String[] { AudioJobParameters.SAMPLES, AudioJobParameters.SUM_OF_SQUARES,
				AudioJobParameters.PEAK });
		return new StepBuilder("audio-analysis", jobRepository)
			.<AudioSegment, SegmentMeasurement>chunk(properties.segmentsPerChunk())
			.transactionManager(transactionManager)
			.reader(audioSegmentReader)
			.processor((segment) -> new SegmentMeasurement(segment.index(), segment.count(), SignalLevels.of(segment)))
			.writer(levelsAccumulator)
			.listener(promotion)
			.build();
	}

	@Bean
	Step audioResultStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TaskStore tasks, BlobStore blobs, ResultStore results) {
		return new StepBuilder("audio-result", jobRepository)
			.tasklet(new AudioResultTasklet(tasks, blobs, results), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	AudioSegmentItemReader audioSegmentReader(@Value("#{jobParameters['taskId']}") String taskId, TaskStore tasks,
			BlobStore blobs, AudioJobProperties properties) {
		return new AudioSegmentItemReader(taskId, tasks, blobs, properties.segmentFrames());
	}

	@Bean
	@StepScope
	LevelsAccumulator levelsAccumulator(@Value("#{jobParameters['taskId']}") String taskId, TaskStore tasks) {
		return new LevelsAccumulator(taskId, tasks);
	}

}

package dev.hopper.jobs.maps;

import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskStore;
import dev.hopper.jobs.maps.cv.CvMapParser;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code map-parse} job: one step that parses the plan and stores its overlay and result.
 * A plan is parsed whole, so there is no chunk to resume from; a restart parses it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapJobProperties.class)
public class MapParseJobConfiguration {

	/** The parser's version, which keys the result cache. */
	@Bean
	EngineVersion mapParseEngine() {
		return new EngineVersion(JobType.MAP_PARSE, CvMapParser.VERSION);
	}

	@Bean
	Job mapParseJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, TaskStore tasks,
			BlobStore blobs, ResultStore results, MapJobProperties properties) {
		return new JobBuilder(JobType.MAP_PARSE.wireName(), jobRepository)
			.start(new StepBuilder("map-parse", jobRepository)
				.tasklet(new MapParseTasklet(tasks, blobs, results, properties), transactionManager)
				.build())
			.build();
	}

}

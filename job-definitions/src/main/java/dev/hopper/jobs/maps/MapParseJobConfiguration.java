package dev.hopper.jobs.maps;

import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.admission.RateLimiter;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.jobs.maps.cv.CvMapParser;
import dev.hopper.jobs.maps.llm.Prompts;
import dev.hopper.jobs.maps.llm.VisionModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
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

	/**
	 * The parsers' versions, which key the result cache: the CV parser's, and the model's
	 * name and prompt version when one is configured.
	 */
	@Bean
	EngineVersion mapParseEngine(MapJobProperties properties) {
		MapJobProperties.Model model = properties.model();
		return new EngineVersion(JobType.MAP_PARSE,
				CvMapParser.VERSION + (model.configured() ? "+" + model.name() + "+" + Prompts.VERSION : ""));
	}

	@Bean
	Job mapParseJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, TaskQueries tasks,
			TaskLifecycle lifecycle, BlobStore blobs, ResultStore results, MapJobProperties properties, RateLimiter allowances,
			ObjectProvider<MeterRegistry> meters) {
		VisionModel model = properties.model().configured()
				? new VisionModel(properties.model(), allowances, meters.getIfAvailable(SimpleMeterRegistry::new)) : null;
		return new JobBuilder(JobType.MAP_PARSE.wireName(), jobRepository)
			.start(new StepBuilder("map-parse", jobRepository)
				.tasklet(new MapParseTasklet(tasks, lifecycle, blobs, results, properties, model), transactionManager)
				.build())
			.build();
	}

}

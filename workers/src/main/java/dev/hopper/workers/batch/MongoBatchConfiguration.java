package dev.hopper.workers.batch;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.StepScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job repository in MongoDB, or in memory for a run inside {@link TransientRuns}. Its transaction manager does nothing on purpose: results
 * and idempotency never rely on multi-document transactions (see docs/architecture.md), and
 * so the same code runs on a replica set and on the embedded wire-compatible server.
 */
@Configuration(proxyBeanMethods = false)
class MongoBatchConfiguration {

	/** Replaces dots in execution-context keys, which MongoDB field names must not hold. */
	private static final String KEY_DOT_REPLACEMENT = "__";

	/** Step-scoped readers and writers are created per step execution, from job parameters. */
	@Bean
	static StepScope stepScope() {
		return new StepScope();
	}

	@Bean
	PlatformTransactionManager batchTransactionManager() {
		return new NoOpTransactionManager();
	}

	@Bean
	JobRepository jobRepository(MongoDatabaseFactory databaseFactory,
			PlatformTransactionManager batchTransactionManager) throws Exception {
		// its own template, not a bean, so the application's MongoTemplate stays Boot's default
		MongoTemplate batchTemplate = new MongoTemplate(databaseFactory);
		((MappingMongoConverter) batchTemplate.getConverter()).setMapKeyDotReplacement(KEY_DOT_REPLACEMENT);
		new BatchCollections(batchTemplate).create();
		HopperJobRepositoryFactory factory = new HopperJobRepositoryFactory(batchTemplate, batchTransactionManager);
		factory.afterPropertiesSet();
		return TransientRuns.routing(factory.getObject());
	}

	@Bean
	JobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

	@Bean
	JobOperator jobOperator(JobRepository jobRepository, JobRegistry jobRegistry,
			PlatformTransactionManager batchTransactionManager) throws Exception {
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(jobRepository);
		factory.setJobRegistry(jobRegistry);
		factory.setTransactionManager(batchTransactionManager);
		// jobs run on the consumer thread that claimed the task: its concurrency is the worker's
		factory.setTaskExecutor(new SyncTaskExecutor());
		factory.afterPropertiesSet();
		return factory.getObject();
	}

}

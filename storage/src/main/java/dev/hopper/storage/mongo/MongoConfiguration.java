package dev.hopper.storage.mongo;

import java.time.Clock;

import dev.hopper.core.intake.IdempotencyStore;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.result.ResultCache;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.AnnouncingTaskLifecycle;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.TaskChangeFeed;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskRetention;
import dev.hopper.core.tenant.ApiKeyStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Task lifecycle, queries and outboxes, result, API key and idempotency stores on the application's {@link MongoTemplate}. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

	/** Announces each change, so waiting clients hear of it at once. */
	@Bean
	TaskLifecycle taskLifecycle(MongoTemplate mongoTemplate, Clock clock, TaskChangeFeed taskChangeFeed) {
		TaskCollection.createIndexes(mongoTemplate);
		return new AnnouncingTaskLifecycle(new MongoTaskLifecycle(mongoTemplate, clock), taskChangeFeed);
	}

	@Bean
	TaskQueries taskQueries(MongoTemplate mongoTemplate) {
		return new MongoTaskQueries(mongoTemplate);
	}

	/** Both outboxes of the task documents: messages to publish and webhooks owed. */
	@Bean
	MongoTaskOutbox taskOutbox(MongoTemplate mongoTemplate, Clock clock) {
		return new MongoTaskOutbox(mongoTemplate, clock);
	}

	/** Parameter keys MongoDB cannot hold as sent are stored escaped; Spring's MongoTemplate applies it. */
	@Bean
	TaskParamsEscaping taskParamsEscaping() {
		return new TaskParamsEscaping();
	}

	/** Job types stored by name; Boot's Mongo converter picks these up. */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return JobTypeConversions.conversions();
	}

	/** Named as Boot's own, which then backs off. */
	@Bean
	MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
		return new MongoPingHealthIndicator(mongoTemplate);
	}

	@Bean
	ResultStore resultStore(MongoTemplate mongoTemplate, Clock clock) {
		return new MongoResultStore(mongoTemplate, clock);
	}

	@Bean
	ApiKeyStore apiKeyStore(MongoTemplate mongoTemplate) {
		return new MongoApiKeyStore(mongoTemplate);
	}

	@Bean
	IdempotencyStore idempotencyStore(MongoTemplate mongoTemplate) {
		return new MongoIdempotencyStore(mongoTemplate);
	}

	@Bean
	ResultCache resultCache(MongoTemplate mongoTemplate, Clock clock) {
		return new MongoResultCache(mongoTemplate, clock);
	}

	@Bean
	BatchStore batchStore(MongoTemplate mongoTemplate) {
		return new MongoBatchStore(mongoTemplate);
	}

	@Bean
	TaskRetention taskRetention(MongoTemplate mongoTemplate) {
		return new MongoTaskRetention(mongoTemplate);
	}

	@Bean
	DeadLetterStore deadLetterStore(MongoTemplate mongoTemplate) {
		return new MongoDeadLetterStore(mongoTemplate);
	}

}

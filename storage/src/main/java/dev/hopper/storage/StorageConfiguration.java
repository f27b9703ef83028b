package dev.hopper.storage;

import java.time.Clock;

import dev.hopper.core.task.JobTypeSpec;
import dev.hopper.core.task.JobTypes;
import dev.hopper.storage.amqp.AmqpConfiguration;
import dev.hopper.storage.mongo.MongoConfiguration;
import dev.hopper.storage.outbox.OutboxConfiguration;
import dev.hopper.storage.redis.RedisConfiguration;
import dev.hopper.storage.s3.S3Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every adapter an app needs; api and workers import this one class. */
@Configuration(proxyBeanMethods = false)
@Import({ MongoConfiguration.class, S3Configuration.class, RedisConfiguration.class, AmqpConfiguration.class,
		OutboxConfiguration.class })
public class StorageConfiguration {

	/** The job types: the built-in ones and any an application registers as {@link JobTypeSpec} beans. */
	@Bean
	JobTypes jobTypes(ObjectProvider<JobTypeSpec> registered) {
		return JobTypes.withBuiltIns(registered.orderedStream().toList());
	}

	/** The one clock every component reads time from. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

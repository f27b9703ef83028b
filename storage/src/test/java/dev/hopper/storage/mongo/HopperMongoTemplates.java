package dev.hopper.storage.mongo;

import com.mongodb.client.MongoClient;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** A {@link MongoTemplate} that maps Hopper's documents as the application's does, for tests outside Spring's wiring. */
final class HopperMongoTemplates {

	private HopperMongoTemplates() {
	}

	static MongoTemplate create(MongoClient client, String database) {
		SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
		MongoCustomConversions conversions = JobTypeConversions.conversions();
		MongoMappingContext mappingContext = new MongoMappingContext();
		mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		mappingContext.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mappingContext);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		MongoTemplate template = new MongoTemplate(factory, converter);
		template.setEntityCallbacks(
				org.springframework.data.mapping.callback.EntityCallbacks.create(new TaskParamsEscaping()));
		return template;
	}

}

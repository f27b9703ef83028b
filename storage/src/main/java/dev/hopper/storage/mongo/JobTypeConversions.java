package dev.hopper.storage.mongo;

import java.util.List;
import java.util.Locale;

import dev.hopper.core.task.JobType;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * A job type is stored as the name its enum had before types became a registry
 * ({@code AUDIO_FEATURES}), so documents and queries written by earlier versions still match.
 */
final class JobTypeConversions {

	private JobTypeConversions() {
	}

	static MongoCustomConversions conversions() {
		return new MongoCustomConversions(List.of(Writer.INSTANCE, Reader.INSTANCE));
	}

	@WritingConverter
	enum Writer implements Converter<JobType, String> {

		INSTANCE;

		@Override
		public String convert(JobType type) {
			return type.wireName().toUpperCase(Locale.ROOT).replace('-', '_');
		}

	}

	@ReadingConverter
	enum Reader implements Converter<String, JobType> {

		INSTANCE;

		@Override
		public JobType convert(String stored) {
			return JobType.of(stored.toLowerCase(Locale.ROOT).replace('_', '-'));
		}

	}

}

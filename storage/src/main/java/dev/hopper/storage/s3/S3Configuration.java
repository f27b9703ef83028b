package dev.hopper.storage.s3;

import dev.hopper.core.blob.BlobStore;
import io.minio.MinioClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store and its health check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Properties.class)
public class S3Configuration {

	@Bean
	MinioClient minioClient(S3Properties properties) {
		return MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.httpClient(S3HttpClient.create())
			.build();
	}

	@Bean
	BlobStore blobStore(MinioClient minio, S3Properties properties) {
		MinioBlobStore store = new MinioBlobStore(minio, properties.bucket(), properties.partSize().toBytes());
		store.ensureBucket();
		return store;
	}

	@Bean
	ObjectStorageHealthIndicator objectStorageHealthIndicator(MinioClient minio, S3Properties properties) {
		return new ObjectStorageHealthIndicator(minio, properties.bucket());
	}

}

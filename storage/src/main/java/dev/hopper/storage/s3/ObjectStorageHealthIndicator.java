package dev.hopper.storage.s3;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up when the bucket answers. */
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

	private final MinioClient minio;

	private final String bucket;

	ObjectStorageHealthIndicator(MinioClient minio, String bucket) {
		this.minio = minio;
		this.bucket = bucket;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		boolean exists = this.minio.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build());
		(exists ? builder.up() : builder.down()).withDetail("bucket", this.bucket);
	}

}

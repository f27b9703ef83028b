package dev.hopper.storage.s3;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Object storage settings.
 *
 * @param endpoint URL of the S3-compatible endpoint
 * @param accessKey access key id
 * @param secretKey secret access key
 * @param bucket bucket for uploads and artifacts, created when missing
 * @param region region the client signs for
 * @param partSize multipart part size for uploads of unknown length; bounds the memory one upload holds
 */
@ConfigurationProperties("hopper.storage.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String bucket, String region,
		DataSize partSize) {

	public S3Properties {
		bucket = (bucket != null) ? bucket : "hopper";
		region = (region != null) ? region : "us-east-1";
		partSize = (partSize != null) ? partSize : DataSize.ofMegabytes(8);
	}

}

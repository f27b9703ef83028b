package dev.hopper.storage.s3;

import java.io.InputStream;

import dev.hopper.core.TransientFailure;
import dev.hopper.core.blob.BlobStore;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;

/** {@link BlobStore} through the MinIO client: MinIO, AWS S3 or any S3-compatible server. */
class MinioBlobStore implements BlobStore {

	private static final String NO_SUCH_KEY = "NoSuchKey";

	private static final String INVALID_RANGE = "InvalidRange";

	private final MinioClient minio;

	private final String bucket;

	private final long partSize;

	MinioBlobStore(MinioClient minio, String bucket, long partSize) {
		this.minio = minio;
		this.bucket = bucket;
		this.partSize = partSize;
	}

	/**
	 * Creates the bucket unless it exists. The api and every worker do this at start, at
	 * once: a creation that loses the race finds the bucket there and is content.
	 */
	void ensureBucket() {
		call(() -> {
			if (bucketExists()) {
				return null;
			}
			try {
				this.minio.makeBucket(MakeBucketArgs.builder().bucket(this.bucket).build());
			}
			catch (ErrorResponseException ex) {
				if (!bucketExists()) {
					throw ex;
				}
			}
			return null;
		});
	}

	private boolean bucketExists() throws MinioException {
		return this.minio.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build());
	}

	@Override
	public void put(String key, InputStream content, String mediaType) {
		// unknown length: the client buffers one part at a time, never the whole object
		call(() -> this.minio.putObject(PutObjectArgs.builder()
			.bucket(this.bucket)
			.object(key)
			.contentType(mediaType)
			.stream(content, null, this.partSize)
			.build()));
	}

	@Override
	public InputStream open(String key, long offset) {
		try {
			return this.minio.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).offset(offset).build());
		}
		catch (ErrorResponseException ex) {
			// a reader resuming exactly at the end (its last chunk committed) reads nothing
			if (offset > 0 && INVALID_RANGE.equals(ex.errorResponse().code())) {
				return InputStream.nullInputStream();
			}
			throw unavailable(ex);
		}
		catch (MinioException | RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public boolean exists(String key) {
		try {
			this.minio.statObject(StatObjectArgs.builder().bucket(this.bucket).object(key).build());
			return true;
		}
		catch (ErrorResponseException ex) {
			if (NO_SUCH_KEY.equals(ex.errorResponse().code())) {
				return false;
			}
			throw unavailable(ex);
		}
		catch (MinioException | RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void delete(String key) {
		call(() -> {
			this.minio.removeObject(RemoveObjectArgs.builder().bucket(this.bucket).object(key).build());
			return null;
		});
	}

	private <T> T call(MinioCall<T> call) {
		try {
			return call.run();
		}
		catch (MinioException ex) {
			throw unavailable(ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof TransientFailure) {
				throw ex;
			}
			throw unavailable(ex);
		}
	}

	private static TransientFailure unavailable(Exception ex) {
		return new TransientFailure("storage_unavailable", "Object storage failed: " + ex.getMessage(), ex);
	}

	@FunctionalInterface
	private interface MinioCall<T> {

		T run() throws MinioException;

	}

}

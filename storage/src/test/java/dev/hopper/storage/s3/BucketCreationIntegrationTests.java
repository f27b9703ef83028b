package dev.hopper.storage.s3;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hopper.storage.embedded.EmbeddedS3;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api and every worker create the bucket at start, at the same moment: none may fail.
 * (Each creation takes S3Proxy seconds, so the race is run with a few apps, twice.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BucketCreationIntegrationTests {

	private static final int APPS = 4;

	private EmbeddedS3 s3;

	private int round;

	@BeforeAll
	void start() throws Exception {
		this.s3 = new EmbeddedS3(Files.createTempDirectory("hopper-buckets"));
		this.s3.start();
	}

	@AfterAll
	void stop() {
		this.s3.close();
	}

	@RepeatedTest(2)
	void appsStartingTogetherAllFindTheirBucket() throws Exception {
		String bucket = "race-" + (++this.round);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService apps = Executors.newFixedThreadPool(APPS);
		try {
			List<Future<?>> starts = new ArrayList<>();
			for (int i = 0; i < APPS; i++) {
				MinioBlobStore store = new MinioBlobStore(client(), bucket, 8 << 20);
				starts.add(apps.submit(() -> {
					go.await();
					store.ensureBucket();
					return null;
				}));
			}
			go.countDown();
			for (Future<?> start : starts) {
				start.get();
			}
		}
		finally {
			apps.shutdownNow();
		}
		assertThat(client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
	}

	private MinioClient client() {
		return MinioClient.builder()
			.endpoint(this.s3.endpoint())
			.credentials(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)
			.region("us-east-1")
			.httpClient(S3HttpClient.create())
			.build();
	}

}

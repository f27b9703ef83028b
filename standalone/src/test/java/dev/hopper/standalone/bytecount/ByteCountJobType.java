package dev.hopper.standalone.bytecount;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.EngineVersion;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.JobTypeSpec;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A job type that lives only in test sources, registered the way docs/adding-a-job-type.md
 * says: a {@link JobTypeSpec}, a job named after the type, and its engine version. It counts
 * a file's bytes and hashes them, so its answer can be checked against the upload itself;
 * with {@code params={"bug":"npe"}} it throws a {@link NullPointerException}, as a buggy job would.
 */
@Configuration(proxyBeanMethods = false)
public class ByteCountJobType {

	public static final JobType TYPE = JobType.of("byte-count");

	@Bean
	JobTypeSpec byteCountSpec() {
		return new JobTypeSpec(TYPE, EnumSet.of(ContentKind.WAV, ContentKind.PNG));
	}

	@Bean
	EngineVersion byteCountEngine() {
		return new EngineVersion(TYPE, "1");
	}

	@Bean
	Job byteCountJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, TaskQueries tasks,
			BlobStore blobs, ResultStore results) {
		return new JobBuilder(TYPE.wireName(), jobRepository)
			.start(new StepBuilder("byte-count", jobRepository).tasklet((contribution, chunk) -> {
				String taskId = chunk.getStepContext().getStepExecution().getJobParameters().getString("taskId");
				Task task = tasks.find(taskId)
					.orElseThrow(() -> new PermanentFailure("unknown_task", "Task " + taskId + " does not exist"));
				if ("npe".equals(task.params().get("bug"))) {
					// a programming error, as a job might have one: the task must fail once, not retry
					throw new NullPointerException("a bug planted by the test");
				}
				results.saveOnce(taskId, count(blobs, task.upload().blobKey()));
				return RepeatStatus.FINISHED;
			}, transactionManager).build())
			.build();
	}

	private static Map<String, Object> count(BlobStore blobs, String key) {
		try (DigestInputStream in = new DigestInputStream(blobs.open(key, 0), MessageDigest.getInstance("SHA-256"))) {
			long bytes = in.transferTo(OutputStream.nullOutputStream());
			return Map.of("bytes", bytes, "sha256", HexFormat.of().formatHex(in.getMessageDigest().digest()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.hopper.standalone;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Claim;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.Upload;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Faults: duplicated messages, vanished and killed workers, lost messages, unpublished tasks;
 * nothing lost, nothing done twice.
 */
interface FaultScenarios extends Scenario {

	@Test
	default void aDuplicatedMessageNeverProducesASecondResultOrJobRun() {
		String id = submitSine();
		assertThat(awaitFinished(id).get("state").asString()).isEqualTo("SUCCEEDED");
		MongoTemplate mongo = context().getBean(MongoTemplate.class);
		long runsBefore = jobRuns();
		double duplicatesBefore = duplicates();

		WorkQueue queue = context().getBean(WorkQueue.class);
		queue.publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		queue.publish(new TaskMessage(id, JobType.AUDIO_FEATURES));
		await(() -> duplicates() >= duplicatesBefore + 2, "both duplicates handled");

		assertThat(jobRuns()).as("the job did not run again").isEqualTo(runsBefore);
		assertThat(mongo.count(new Query(where("_id").is(id)), "results")).isEqualTo(1);
		assertThat(http().get("/api/v1/tasks/" + id).json().get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	default void aRunningTaskWhoseWorkerVanishedIsHandedBackByTheSweeperAndFinishes() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 2.0, 440, 0.5);
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		// a worker claimed it and died at once: RUNNING, no lease, its heartbeat going stale, no message left
		String id = claimedBy("vanished-worker", wav, "orphan.wav");
		Instant vanished = Instant.now();

		JsonNode finished = awaitFinished(id);
		report("a worker killed after claiming, before its job exists, its message gone", id, vanished, finished);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(2);
		assertThat(http().get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(2.0);
		var orphans = context().getBean(MeterRegistry.class).find("hopper.tasks.orphans").counter();
		assertThat(orphans).isNotNull();
		assertThat(orphans.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	default void anOrphanIsReleasedOnlyFromTheWorkerThatLostItAndTheOutboxSendsItOn() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 330, 0.5);
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		String id = claimedBy("lost-worker", wav, "released.wav");
		var lost = new dev.hopper.core.task.TaskError("worker_lost", "test");
		java.time.Instant later = java.time.Instant.now().plusSeconds(60);
		// another worker's task, or one whose heartbeat is newer than the silence asked for, stays
		assertThat(tasks.releaseOrphan(id, "other-worker", later, lost)).isFalse();
		assertThat(tasks.releaseOrphan(id, "lost-worker", java.time.Instant.now().minusSeconds(60), lost)).isFalse();
		assertThat(tasks.releaseOrphan(id, "lost-worker", later, lost)).isTrue();
		assertThat(queries().find(id).orElseThrow().state()).isEqualTo(dev.hopper.core.task.TaskState.QUEUED);

		// left unpublished on purpose (as if the sweeper died before publishing): the outbox sends it
		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).as("the lost worker's attempt stays counted").isEqualTo(2);
	}

	@Test
	default void aWorkerKilledBetweenCreatingTheJobInstanceAndItsExecutionLeavesATaskThatStillFinishes() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.0, 440, 0.5);
		String id = claimedBy("vanished-worker", wav, "half-started.wav");
		// the dead worker got as far as the job instance: Spring Batch alone can neither start nor restart it
		context().getBean(org.springframework.batch.core.repository.JobRepository.class)
			.createJobInstance(JobType.AUDIO_FEATURES.wireName(),
					new org.springframework.batch.core.job.parameters.JobParametersBuilder().addString("taskId", id, true)
						.toJobParameters());

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(http().get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(1.0);
	}

	@Test
	default void aStoredBlobOpenedAtItsEndReadsNothing() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.1, 440, 0.5);
		String id = recordStoredUpload(wav, "end.wav");
		// a reader resumed after its last chunk committed opens the object at its very end
		try (java.io.InputStream rest = context().getBean(dev.hopper.core.blob.BlobStore.class)
			.open(dev.hopper.core.blob.BlobKeys.upload(id), wav.length)) {
			assertThat(rest.readAllBytes()).isEmpty();
		}
	}

	@Test
	default void aTaskWhoseLastWorkerDiedAfterStoringItsResultSucceedsThoughItsAttemptsAreSpent() {
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		// its file is missing, so running the job again could only fail it; its content is
		// its own, for the result it ends with is remembered for later uploads of that content
		String id = TimeOrderedId.next(java.time.Clock.systemUTC());
		tasks.insert(Task.accepted(id, Http.TENANT, JobType.AUDIO_FEATURES, new Upload("uploads/" + id,
				UUID.randomUUID().toString().replace("-", "").repeat(2), 1000, ContentKind.WAV, "stored.wav"), Map.of(),
				Instant.now()));
		outbox().markPublished(id);
		// three workers claimed it in turn and died, the last one after its result step
		for (int worker = 1; worker <= 3; worker++) {
			assertThat(tasks.claim(id, "killed-" + worker, 3).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		}
		Map<String, Object> stored = Map.of("durationSec", 12.5);
		context().getBean(ResultStore.class).saveOnce(id, stored);
		assertThat(tasks.releaseOrphan(id, "killed-3", Instant.now().plusSeconds(60),
				new TaskError("worker_lost", "Worker killed-3 stopped answering")))
			.isTrue();
		Instant released = Instant.now();
		context().getBean(WorkQueue.class).publish(new TaskMessage(id, JobType.AUDIO_FEATURES));

		JsonNode finished = awaitFinished(id);
		report("workers killed on every attempt, the last after storing the result", id, released, finished);
		assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(3);
		assertThat(http().get("/api/v1/tasks/" + id + "/result").json().get("durationSec").asDouble())
			.isEqualTo(12.5);
		assertThat(pendingDeadLetterOf(http().withKey(Http.ADMIN_KEY), id)).isNull();
	}

	@Test
	default void aTaskRecordedButNeverPublishedIsPublishedByTheOutboxRelay() throws Exception {
		// as if the api died between writing the task and publishing its message
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 490, 0.5);
		String id = recordStoredUpload(wav, "unpublished.wav");
		Instant recorded = Instant.now();

		JsonNode finished = awaitFinished(id);
		report("the api killed between writing a task and publishing it", id, recorded, finished);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(queries().find(id).orElseThrow().published()).isTrue();
	}

	@Test
	default void aQueuedTaskWhoseMessageTheBrokerLostIsPublishedAgain() throws Exception {
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 510, 0.5);
		TaskLifecycle tasks = context().getBean(TaskLifecycle.class);
		String id = recordStoredUpload(wav, "lost.wav");
		// confirmed by the broker, then lost with it (a crash, a purge): no message anywhere
		outbox().markPublished(id);

		JsonNode finished = awaitFinished(id);
		assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("attempts").asInt()).isEqualTo(1);
	}

	/** A stored, published upload that {@code worker} claimed and then never worked: RUNNING, no lease. */
	private String claimedBy(String worker, byte[] wav, String fileName) throws Exception {
		String id = recordStoredUpload(wav, fileName);
		outbox().markPublished(id);
		assertThat(context().getBean(TaskLifecycle.class).claim(id, worker, 3).outcome())
			.isEqualTo(dev.hopper.core.task.Claim.Outcome.CLAIMED);
		return id;
	}

}

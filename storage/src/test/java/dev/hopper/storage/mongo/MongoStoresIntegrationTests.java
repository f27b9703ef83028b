package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.task.Claim;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.Progress;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskError;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.Upload;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The task and result stores on the embedded MongoDB wire server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoStoresIntegrationTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

	private EmbeddedMongoTemplate mongo;

	private MongoTaskLifecycle lifecycle;

	private MongoTaskQueries queries;

	private MongoTaskOutbox outbox;

	private MongoResultStore results;

	private MongoApiKeyStore keys;

	private MongoTemplate template;

	@BeforeAll
	void start() throws Exception {
		this.mongo = EmbeddedMongoTemplate.start();
		this.template = this.mongo.template();
		this.lifecycle = new MongoTaskLifecycle(this.template, this.clock);
		this.queries = new MongoTaskQueries(this.template);
		this.outbox = new MongoTaskOutbox(this.template, this.clock);
		this.results = new MongoResultStore(this.template, this.clock);
		this.keys = new MongoApiKeyStore(this.template);
	}

	@AfterAll
	void stop() {
		this.mongo.close();
	}

	@Test
	void aStoredTaskReadsBackAsItWasWritten() {
		Task task = aQueuedTask();

		this.lifecycle.insert(task);

		assertThat(this.queries.find(task.id())).contains(task);
	}

	@Test
	void aTaskStoredBeforeLaterFieldsExistedStillReads() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.mongo.client().getDatabase("hopper")
			.getCollection(TaskCollection.NAME)
			.updateOne(new org.bson.Document("_id", task.id()), new org.bson.Document("$unset",
					new org.bson.Document("cancelRequested", "").append("published", "").append("cachedFrom", "")
						.append("batchId", "")));

		Task read = this.queries.find(task.id()).orElseThrow();
		assertThat(read.cancelRequested()).isFalse();
		assertThat(read.published()).isFalse();
	}

	@Test
	void aJobTypeIsStoredByTheNameItsEnumHadSoEarlierDocumentsStillMatch() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		org.bson.Document stored = this.mongo.client().getDatabase("hopper")
			.getCollection(TaskCollection.NAME)
			.find(new org.bson.Document("_id", task.id()))
			.first();
		assertThat(stored.getString("type")).isEqualTo("AUDIO_FEATURES");

		Task later = aQueuedTask();
		this.mongo.client().getDatabase("hopper").getCollection(TaskCollection.NAME).insertOne(new org.bson.Document(stored)
			.append("_id", later.id()));
		assertThat(this.queries.find(later.id()).orElseThrow().type()).isEqualTo(JobType.AUDIO_FEATURES);
		assertThat(this.queries.queuedAhead(this.queries.find(later.id()).orElseThrow())).isGreaterThanOrEqualTo(1);
	}

	@Test
	void claimingMovesAQueuedTaskToRunningAndCountsTheAttempt() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);

		Claim claim = this.lifecycle.claim(task.id(), "worker-a", 3);

		assertThat(claim.outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		Task running = this.queries.find(task.id()).orElseThrow();
		assertThat(running.state()).isEqualTo(TaskState.RUNNING);
		assertThat(running.attempts()).isEqualTo(1);
		assertThat(running.workerId()).isEqualTo("worker-a");
		assertThat(running.startedAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void aRunningTaskCanBeTakenOverUntilItsAttemptsAreSpent() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);

		assertThat(this.lifecycle.claim(task.id(), "a", 2).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		assertThat(this.lifecycle.claim(task.id(), "b", 2).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		Claim third = this.lifecycle.claim(task.id(), "c", 2);

		assertThat(third.outcome()).isEqualTo(Claim.Outcome.EXHAUSTED);
		assertThat(this.queries.find(task.id()).orElseThrow().workerId()).isEqualTo("b");
	}

	@Test
	void aTakeoverKeepsTheTimeTheTaskFirstStarted() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		Instant firstStart = this.clock.instant();
		this.lifecycle.claim(task.id(), "a", 3);

		MongoTaskLifecycle later = new MongoTaskLifecycle(this.template, Clock.offset(this.clock, Duration.ofMinutes(5)));
		Claim takeover = later.claim(task.id(), "b", 3);

		assertThat(takeover.outcome()).isEqualTo(Claim.Outcome.CLAIMED);
		assertThat(takeover.task().startedAt()).isEqualTo(firstStart);
		assertThat(takeover.task().heartbeatAt()).isEqualTo(firstStart.plus(Duration.ofMinutes(5)));
		assertThat(takeover.task().attempts()).isEqualTo(2);
	}

	@Test
	void aFinishedTaskIsNeverClaimedAgain() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.lifecycle.claim(task.id(), "a", 3);
		assertThat(this.lifecycle.succeed(task.id())).isTrue();

		assertThat(this.lifecycle.claim(task.id(), "b", 3).outcome()).isEqualTo(Claim.Outcome.ALREADY_FINISHED);
		assertThat(this.lifecycle.succeed(task.id())).isFalse();
		assertThat(this.lifecycle.fail(task.id(), new TaskError("x", "y"))).isFalse();
		assertThat(this.queries.find(task.id()).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
	}

	@Test
	void onlyOneOfManyRacingWorkersClaimsASingleAttempt() throws Exception {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Claim.Outcome>> racers = java.util.stream.IntStream.range(0, 8)
				.<Callable<Claim.Outcome>>mapToObj((i) -> () -> this.lifecycle.claim(task.id(), "w" + i, 1).outcome())
				.toList();
			List<Claim.Outcome> outcomes = pool.invokeAll(racers).stream().map(MongoStoresIntegrationTests::get)
				.toList();
			assertThat(outcomes).filteredOn(Claim.Outcome.CLAIMED::equals).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anUnknownTaskCannotBeClaimed() {
		assertThat(this.lifecycle.claim(TimeOrderedId.next(this.clock), "a", 3).outcome())
			.isEqualTo(Claim.Outcome.UNKNOWN);
	}

	@Test
	void aRequeuedTaskKeepsItsLastErrorAndCanBeClaimedAgain() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.lifecycle.claim(task.id(), "a", 3);

		assertThat(this.lifecycle.requeue(task.id(), new TaskError("storage_unavailable", "down"),
				this.clock.instant().plusSeconds(5))).isTrue();

		Task queued = this.queries.find(task.id()).orElseThrow();
		assertThat(queued.state()).isEqualTo(TaskState.QUEUED);
		assertThat(queued.retryAt()).isEqualTo(this.clock.instant().plusSeconds(5));
		assertThat(this.outbox.findUnpublished(java.time.Duration.ZERO, 10_000)).extracting(Task::id)
			.as("not due before its retry time").doesNotContain(task.id());
		assertThat(queued.error()).isEqualTo(new TaskError("storage_unavailable", "down"));
		assertThat(queued.workerId()).isNull();
		assertThat(this.lifecycle.claim(task.id(), "b", 3).task().attempts()).isEqualTo(2);
	}

	@Test
	void progressIsRecordedOnlyWhileRunning() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);

		this.lifecycle.reportProgress(task.id(), new Progress(1, 4));
		assertThat(this.queries.find(task.id()).orElseThrow().progress()).isEqualTo(Progress.NONE);

		this.lifecycle.claim(task.id(), "a", 3);
		this.lifecycle.reportProgress(task.id(), new Progress(3, 4));
		assertThat(this.queries.find(task.id()).orElseThrow().progress()).isEqualTo(new Progress(3, 4));
	}

	@Test
	void theFinishingUpdateRecordsTheProgressTheJobHadNotWritten() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.lifecycle.claim(task.id(), "a", 3);
		this.lifecycle.reportProgress(task.id(), new Progress(1, 4));

		assertThat(this.lifecycle.succeed(task.id(), new Progress(4, 4))).isTrue();

		Task done = this.queries.find(task.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
		assertThat(done.progress()).isEqualTo(new Progress(4, 4));
	}

	@Test
	void unpublishedTasksAreFoundOnceOldEnoughAndNotAfterBeingPublished() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);

		assertThat(this.outbox.findUnpublished(Duration.ZERO, 1000)).extracting(Task::id).contains(task.id());
		assertThat(this.outbox.findUnpublished(Duration.ofMinutes(1), 1000)).extracting(Task::id)
			.doesNotContain(task.id());

		this.outbox.markPublished(task.id());
		assertThat(this.outbox.findUnpublished(Duration.ZERO, 1000)).extracting(Task::id).doesNotContain(task.id());
	}

	@Test
	void tasksInsertedTogetherAreMarkedPublishedTogether() {
		List<Task> tasks = List.of(aQueuedTask(), aQueuedTask(), aQueuedTask());
		this.lifecycle.insertAll(tasks);
		assertThat(tasks).allSatisfy((task) -> assertThat(this.queries.find(task.id())).isPresent());

		this.outbox.markPublished(List.of(tasks.get(0).id(), tasks.get(2).id()));

		assertThat(this.outbox.findUnpublished(Duration.ZERO, 1000)).extracting(Task::id)
			.contains(tasks.get(1).id())
			.doesNotContain(tasks.get(0).id(), tasks.get(2).id());
	}

	@Test
	void aResultIsWrittenOnceAndTheFirstOneStays() {
		String id = TimeOrderedId.next(this.clock);

		assertThat(this.results.saveOnce(id, Map.of("durationSec", 1.5, "nested", Map.of("rmsDbfs", -9.03))))
			.isTrue();
		assertThat(this.results.saveOnce(id, Map.of("durationSec", 99.0))).isFalse();

		Map<String, Object> stored = this.results.find(id).orElseThrow();
		assertThat(stored).containsEntry("durationSec", 1.5);
		assertThat(stored.get("nested")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsExactly(org.assertj.core.api.Assertions.entry("rmsDbfs", -9.03));
	}

	@Test
	void cancellingAQueuedTaskEndsItAtOnceAndARunningOneIsMarkedToStop() {
		Task queued = aQueuedTask();
		this.lifecycle.insert(queued);
		assertThat(this.lifecycle.cancel(queued.id()).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
		assertThat(this.lifecycle.claim(queued.id(), "a", 3).outcome()).isEqualTo(Claim.Outcome.ALREADY_FINISHED);

		Task running = aQueuedTask();
		this.lifecycle.insert(running);
		this.lifecycle.claim(running.id(), "a", 3);
		assertThat(this.lifecycle.shouldStop(running.id())).isFalse();
		Task marked = this.lifecycle.cancel(running.id()).orElseThrow();
		assertThat(marked.state()).isEqualTo(TaskState.RUNNING);
		assertThat(marked.cancelRequested()).isTrue();
		assertThat(this.lifecycle.shouldStop(running.id())).isTrue();
		assertThat(this.lifecycle.cancelled(running.id())).isTrue();
		assertThat(this.queries.find(running.id()).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
		assertThat(this.lifecycle.cancelled(running.id())).as("only once").isFalse();

		Task done = aQueuedTask();
		this.lifecycle.insert(done);
		this.lifecycle.claim(done.id(), "a", 3);
		this.lifecycle.succeed(done.id());
		assertThat(this.lifecycle.cancel(done.id()).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
		assertThat(this.lifecycle.cancel(TimeOrderedId.next(this.clock))).isEmpty();
	}

	@Test
	void aQueuedTaskKnowsHowManyOfItsTypeWereQueuedBeforeIt() {
		Task first = aQueuedTask();
		Task second = aQueuedTask();
		Task third = aQueuedTask();
		this.lifecycle.insert(first);
		this.lifecycle.insert(second);
		this.lifecycle.insert(third);
		long before = this.queries.queuedAhead(first);
		assertThat(this.queries.queuedAhead(third)).isEqualTo(before + 2);
		this.lifecycle.claim(first.id(), "a", 3);
		assertThat(this.queries.queuedAhead(third)).isEqualTo(before + 1);
	}

	@Test
	void aQueuedTaskConfirmedLongAgoIsFoundAsPossiblyLost() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.outbox.markPublished(task.id());
		Instant confirmed = this.queries.find(task.id()).orElseThrow().publishedAt();
		assertThat(confirmed).isEqualTo(this.clock.instant());
		assertThat(this.queries.findQueuedPublishedBefore(JobType.AUDIO_FEATURES, confirmed, 10_000)).extracting(Task::id)
			.doesNotContain(task.id());
		assertThat(this.queries.findQueuedPublishedBefore(JobType.AUDIO_FEATURES, confirmed.plusSeconds(1), 10_000))
			.extracting(Task::id)
			.contains(task.id());
		this.lifecycle.claim(task.id(), "a", 3);
		assertThat(this.queries.findQueuedPublishedBefore(JobType.AUDIO_FEATURES, confirmed.plusSeconds(1), 10_000))
			.extracting(Task::id)
			.as("only QUEUED tasks")
			.doesNotContain(task.id());
	}

	@Test
	void heartbeatsTouchOnlyRunningTasks() {
		Task task = aQueuedTask();
		this.lifecycle.insert(task);
		this.lifecycle.heartbeat(task.id());
		assertThat(this.queries.find(task.id()).orElseThrow().heartbeatAt()).isNull();
		this.lifecycle.claim(task.id(), "a", 3);
		this.lifecycle.heartbeat(task.id());
		assertThat(this.queries.find(task.id()).orElseThrow().heartbeatAt()).isNotNull();
	}

	@Test
	void apiKeysAreFoundByHashListedByTenantAndRevokedOnce() {
		String secret = ApiKeySecrets.generate();
		ApiKey key = ApiKey.issue(secret, "tenant-k", "ci", this.clock.instant());
		this.keys.insertIfAbsent(key);
		this.keys.insertIfAbsent(key);

		assertThat(this.keys.findByHash(ApiKeySecrets.hash(secret))).contains(key);
		assertThat(this.keys.findByTenant("tenant-k")).containsExactly(key);
		assertThat(this.keys.findByHash(ApiKeySecrets.hash(secret + "x"))).isEmpty();
		assertThat(this.keys.revoke(key.id(), this.clock.instant())).isTrue();
		assertThat(this.keys.revoke(key.id(), this.clock.instant())).isFalse();
		assertThat(this.keys.findByHash(key.hash()).orElseThrow().isRevoked()).isTrue();
	}

	private Task aQueuedTask() {
		String id = TimeOrderedId.next(this.clock);
		return Task.accepted(id, "tenant-a", JobType.AUDIO_FEATURES,
				new Upload("uploads/" + id, "ab".repeat(32), 1234, ContentKind.WAV, "song.wav"),
				Map.of("window", "hann"), this.clock.instant());
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.hopper.storage.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.content.ContentKind;
import dev.hopper.core.intake.IdempotencyRecord;
import dev.hopper.core.result.ResultCacheKey;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.RetentionScope;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.Upload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.hopper.core.task.TaskBuilder.aQueuedTask;
import static org.assertj.core.api.Assertions.assertThat;

/** Retention's reads and removals on the embedded MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoTaskRetentionIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private EmbeddedMongoTemplate mongo;

	private MongoTemplate template;

	private MongoTaskRetention retention;

	@BeforeAll
	void start() throws Exception {
		this.mongo = EmbeddedMongoTemplate.start();
		this.template = this.mongo.template();
		this.retention = new MongoTaskRetention(this.template);
	}

	@AfterAll
	void stop() {
		this.mongo.close();
	}

	@Test
	void eachScopeFindsOnlyItsOwnFinishedTasksPastTheCutOff() {
		String tenant = tenant();
		String own = tenant();
		Task old = finished(tenant, JobType.AUDIO_FEATURES, 10);
		Task recent = finished(tenant, JobType.AUDIO_FEATURES, 1);
		Task oldMap = finished(tenant, JobType.MAP_PARSE, 10);
		Task ownRule = finished(own, JobType.AUDIO_FEATURES, 10);
		Task running = store(aQueuedTask().ownedBy(tenant).inState(TaskState.RUNNING).withAttempts(1).build());
		Instant cutOff = NOW.minus(Duration.ofDays(5));

		List<String> rest = ids(this.retention.findFinishedBefore(
				RetentionScope.rest(Set.of(own), Set.of(JobType.MAP_PARSE)), cutOff, 1000));
		assertThat(rest).contains(old.id()).doesNotContain(recent.id(), oldMap.id(), ownRule.id(), running.id());
		assertThat(ids(this.retention.findFinishedBefore(RetentionScope.type(JobType.MAP_PARSE, Set.of(own)), cutOff,
				1000))).contains(oldMap.id()).doesNotContain(old.id(), ownRule.id());
		assertThat(ids(this.retention.findFinishedBefore(RetentionScope.tenant(own), cutOff, 1000)))
			.containsExactly(ownRule.id());
	}

	@Test
	void anExpiredTaskLeavesOnlyAMarkForItsTenant() {
		Task task = finished(tenant(), JobType.AUDIO_FEATURES, 10);
		new MongoResultStore(this.template, this.clock).saveOnce(task.id(), Map.of("durationSec", 1.0));
		ResultCacheKey key = new ResultCacheKey(task.tenantId(), task.type(), task.upload().sha256(), "p", "v1");
		new MongoResultCache(this.template, this.clock).remember(key, task.id());
		MongoIdempotencyStore keys = new MongoIdempotencyStore(this.template);
		keys.putIfAbsent(new IdempotencyRecord(task.tenantId(), "key-1", "f", task.id(), NOW));

		assertThat(this.retention.expire(task, NOW)).isTrue();

		assertThat(this.template.findById(task.id(), Task.class, TaskCollection.NAME)).isNull();
		assertThat(new MongoResultStore(this.template, this.clock).find(task.id())).isEmpty();
		assertThat(new MongoResultCache(this.template, this.clock).find(key)).isEmpty();
		IdempotencyRecord other = new IdempotencyRecord(task.tenantId(), "key-1", "g", "other", NOW);
		assertThat(keys.putIfAbsent(other)).as("the key is free again").isEqualTo(other);
		assertThat(this.retention.findExpired(task.id())).hasValueSatisfying((expired) -> {
			assertThat(expired.tenantId()).isEqualTo(task.tenantId());
			assertThat(expired.finishedAt()).isEqualTo(task.finishedAt());
		});
		assertThat(this.retention.expire(task, NOW)).as("once only").isFalse();

		assertThat(this.retention.purgeExpired(NOW.plusSeconds(1), 1000)).isPositive();
		assertThat(this.retention.findExpired(task.id())).isEmpty();
	}

	@Test
	void aFileOrOverlayAnotherTaskStillUsesIsTold() {
		Task source = finished(tenant(), JobType.AUDIO_FEATURES, 10);
		assertThat(this.retention.uploadShared(source)).isFalse();
		assertThat(this.retention.resultReused(source)).isFalse();

		store(aQueuedTask().ownedBy(source.tenantId()).withUpload(source.upload()).build());
		Task reuser = aQueuedTask().ownedBy(source.tenantId()).build();
		store(new Task(reuser.id(), reuser.tenantId(), reuser.type(), TaskState.SUCCEEDED, reuser.progress(), 0,
				reuser.upload(), Map.of(), NOW, null, NOW, null, null, null, true, false, source.id(), null, null, null,
				null));

		assertThat(this.retention.uploadShared(source)).isTrue();
		assertThat(this.retention.resultReused(source)).isTrue();
	}

	@Test
	void aBatchGoesOnceNoneOfItsTasksIsLeft() {
		String tenant = tenant();
		Batch batch = new Batch(TimeOrderedId.next(this.clock), tenant, JobType.AUDIO_FEATURES, Map.of(),
				NOW.minus(Duration.ofDays(10)), List.of(), true);
		this.template.insert(batch, MongoBatchStore.COLLECTION);
		Task member = store(aQueuedTask().ownedBy(tenant).inState(TaskState.SUCCEEDED).inBatch(batch.id())
			.finishedAt(NOW.minus(Duration.ofDays(10))).build());
		Instant cutOff = NOW.minus(Duration.ofDays(5));

		assertThat(this.retention.purgeBatches(RetentionScope.tenant(tenant), cutOff, 100)).isZero();
		this.retention.expire(member, NOW);
		assertThat(this.retention.purgeBatches(RetentionScope.tenant(tenant), cutOff, 100)).isOne();
		assertThat(this.template.findById(batch.id(), Batch.class, MongoBatchStore.COLLECTION)).isNull();
	}

	private Task finished(String tenant, JobType type, int daysAgo) {
		String id = TimeOrderedId.next(this.clock);
		return store(aQueuedTask().withId(id).ownedBy(tenant).ofType(type).inState(TaskState.SUCCEEDED)
			.withUpload(new Upload("uploads/" + id, UUID.randomUUID().toString().replace("-", "").repeat(2), 10,
					ContentKind.WAV, "a.wav"))
			.finishedAt(NOW.minus(Duration.ofDays(daysAgo)))
			.build());
	}

	private Task store(Task task) {
		this.template.insert(task, TaskCollection.NAME);
		return task;
	}

	private static String tenant() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::id).toList();
	}

}

package dev.hopper.standalone;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

import dev.hopper.core.task.Progress;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The api keeps the tasks it read lately ({@code RecentTasks}); polls race state changes here,
 * over HTTP, and every answer is checked against what the store held while it was asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPollRaceIntegrationTests {

	private static final int CHANGES = 150;

	private static final int POLLERS = 8;

	private EmbeddedInfrastructure embedded;

	private ConfigurableApplicationContext context;

	private Http http;

	@BeforeAll
	void start() throws Exception {
		this.embedded = HopperStandalone.start(Files.createTempDirectory("hopper-poll-race-it"));
		Map<String, Object> properties = new HashMap<>(this.embedded.properties());
		properties.put("hopper.amqp.namespace", "hopper-race-" + UUID.randomUUID().toString().substring(0, 8));
		properties.putAll(Http.keyProperties());
		this.context = HopperStandalone.application(properties).run("--server.port=0");
		this.http = new Http(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	/**
	 * Changes made through this replica: a poll sent after a change returned shows it (or a
	 * later one), and no poll shows a change that had not begun when it was answered.
	 */
	@Test
	void aPollNeverMissesAChangeThisReplicaMade() throws Exception {
		TaskLifecycle lifecycle = this.context.getBean(TaskLifecycle.class);
		String id = runningTask(lifecycle);
		Race race = race(id, (k) -> lifecycle.reportProgress(id, new Progress(k, CHANGES)), 3);

		Timeline changes = race.changes();
		List<Poll> polls = race.polls();
		assertThat(polls).hasSizeGreaterThan(CHANGES);
		for (Poll poll : polls) {
			assertThat(poll.done()).as("a poll sent after change %d returned", changes.returnedBefore(poll.sent()))
				.isGreaterThanOrEqualTo(changes.returnedBefore(poll.sent()));
			assertThat(poll.done()).as("no change after the poll was answered")
				.isLessThanOrEqualTo(changes.begunBefore(poll.answered()));
		}
	}

	/**
	 * Changes another process made (written to the store, then announced on Redis): a poll sent
	 * a moment after the notice went out shows the change — sooner than the cache's age limit,
	 * so the notice is what cleared it — and no poll shows what was not yet written.
	 */
	@Test
	void aPollSeesAnotherProcesssChangeOnceItsNoticeArrives() throws Exception {
		TaskLifecycle lifecycle = this.context.getBean(TaskLifecycle.class);
		String id = runningTask(lifecycle);
		MongoTemplate mongo = this.context.getBean(MongoTemplate.class);
		var notices = this.context.getBean(RedissonClient.class).getTopic("hopper:task-changes", StringCodec.INSTANCE);
		long noticeTravel = 300_000_000L;
		Race race = race(id, (k) -> {
			mongo.updateFirst(query(where("_id").is(id)), new Update().set("progress", new Progress(k, CHANGES)),
					"tasks");
			notices.publish(id);
		}, 5);

		Timeline changes = race.changes();
		int checked = 0;
		for (Poll poll : race.polls()) {
			int announced = changes.returnedBefore(poll.sent() - noticeTravel);
			assertThat(poll.done()).as("a poll sent 300 ms after change %d was announced", announced)
				.isGreaterThanOrEqualTo(announced);
			assertThat(poll.done()).isLessThanOrEqualTo(changes.begunBefore(poll.answered()));
			checked += (announced > 0) ? 1 : 0;
		}
		assertThat(checked).as("polls that came after a notice").isGreaterThan(CHANGES);
	}

	private String runningTask(TaskLifecycle lifecycle) {
		String id = StoredTasks.queued(this.context, Http.TENANT);
		lifecycle.claim(id, "race-worker", 5);
		for (int i = 0; i < 50; i++) {
			// warm: the race should meet a served path, not a cold one
			this.http.get("/api/v1/tasks/" + id);
		}
		return id;
	}

	/** Changes 1..CHANGES by {@code change}, {@code pauseMillis} apart, while pollers ask for the task. */
	private Race race(String id, IntConsumer change, long pauseMillis) throws Exception {
		Timeline timeline = new Timeline(CHANGES);
		ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(POLLERS + 1);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> pollers = new ArrayList<>();
			for (int p = 0; p < POLLERS; p++) {
				pollers.add(threads.submit(() -> {
					go.await();
					while (timeline.returned.get(CHANGES) == 0) {
						long sent = System.nanoTime();
						Http.Response answer = this.http.get("/api/v1/tasks/" + id);
						assertThat(answer.status()).isEqualTo(200);
						polls.add(new Poll(sent, System.nanoTime(), answer.json().get("progress").get("done").asInt()));
					}
					return null;
				}));
			}
			go.countDown();
			for (int k = 1; k <= CHANGES; k++) {
				timeline.begun.set(k, System.nanoTime());
				change.accept(k);
				timeline.returned.set(k, System.nanoTime());
				Thread.sleep(pauseMillis);
			}
			for (Future<?> poller : pollers) {
				poller.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		return new Race(List.copyOf(polls), timeline);
	}

	private record Poll(long sent, long answered, int done) {
	}

	private record Race(List<Poll> polls, Timeline changes) {
	}

	/** When each change began and returned (nanoTime; 0 for not yet). */
	private static final class Timeline {

		final AtomicLongArray begun;

		final AtomicLongArray returned;

		Timeline(int changes) {
			this.begun = new AtomicLongArray(changes + 1);
			this.returned = new AtomicLongArray(changes + 1);
		}

		/** The last change that had returned by {@code nanos}. */
		int returnedBefore(long nanos) {
			return last(this.returned, nanos);
		}

		/** The last change that had begun by {@code nanos}. */
		int begunBefore(long nanos) {
			return last(this.begun, nanos);
		}

		private static int last(AtomicLongArray times, long nanos) {
			int last = 0;
			for (int k = 1; k < times.length(); k++) {
				long at = times.get(k);
				if (at != 0 && at - nanos <= 0) {
					last = k;
				}
			}
			return last;
		}

	}

}

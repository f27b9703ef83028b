package dev.hopper.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.client.Batch;
import dev.hopper.client.HopperClient;
import dev.hopper.client.HopperProblem;
import dev.hopper.client.Task;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.jobs.maps.truth.FloorPlanGenerator;
import dev.hopper.jobs.maps.truth.MapFixtures;
import dev.hopper.jobs.maps.truth.PlanSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Java client ({@code client} module) against the real API: what a batch uploader's program meets. */
interface ClientScenarios extends Scenario {

	private HopperClient client() {
		return HopperClient.builder(http().base()).apiKey(Http.API_KEY).build();
	}

	@Test
	default void theClientUploadsOnceUnderItsKeyWaitsAndReadsTheResult() throws IOException {
		Path file = Files.createTempFile("client-", ".wav");
		Files.write(file, WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.7, 610, 0.5));
		String key = UUID.randomUUID().toString();

		Task first = client().upload(file, "audio-features", Map.of("run", "client"), key);
		Task again = client().upload(file, "audio-features", Map.of("run", "client"), key);

		assertThat(again.id()).as("the same key: the same task").isEqualTo(first.id());
		Task done = client().await(first.id(), Duration.ofSeconds(60));
		assertThat(done.state()).isEqualTo(Task.State.SUCCEEDED);
		assertThat(((Number) client().result(first.id()).get("durationSec")).doubleValue()).isCloseTo(0.7,
				org.assertj.core.data.Offset.offset(0.01));
		dev.hopper.client.AudioFeatures features = client().result(first.id(), dev.hopper.client.AudioFeatures.class);
		assertThat(features.durationSec()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));
		assertThat(features.sampleRate()).isEqualTo(8_000);
		assertThat(features.mfcc().mean()).hasSize(13);
		assertThat(features.engine().name()).isNotBlank();
		assertThatExceptionOfType(HopperProblem.class).isThrownBy(() -> client().cancel(first.id()))
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("task_finished"));
		assertThatExceptionOfType(HopperProblem.class).isThrownBy(() -> client().task("no-such-task"))
			.satisfies((problem) -> assertThat(problem.status()).isEqualTo(404));
	}

	@Test
	default void theClientSendsABatchAndFollowsItsCounts() throws Exception {
		Path folder = Files.createTempDirectory("client-batch");
		Path one = Files.write(folder.resolve("one.wav"), WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 620,
				0.5));
		Path two = Files.write(folder.resolve("two.wav"), WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 630,
				0.5));
		Path notes = Files.writeString(folder.resolve("notes.txt"), "not audio");

		Batch batch = client().uploadBatch(List.of(one, notes, two), "audio-features", Map.of());

		assertThat(batch.taskIds()).hasSize(2);
		assertThat(batch.refusedFiles()).singleElement()
			.satisfies((refused) -> assertThat(refused.fileName()).isEqualTo("notes.txt"));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Batch now = client().batch(batch.id(), 1, null);
		// complete says every file was received; the counts say what is left to run
		while (now.counts().queued() + now.counts().running() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			now = client().batch(batch.id(), 1, null);
		}
		assertThat(now.counts().succeeded()).as(now.toString()).isEqualTo(2);
		assertThat(now.counts().refused()).isEqualTo(1);
	}

	@Test
	default void theClientFillsAnOpenBatchFollowsATasksEventsAndPagesThroughTheBatch() throws Exception {
		Path folder = Files.createTempDirectory("client-open-batch");
		Batch opened = client().openBatch("audio-features", Map.of("run", "open"));
		assertThat(opened.complete()).isFalse();
		List<String> sent = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Path file = Files.write(folder.resolve("part-" + i + ".wav"),
					WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2 + 0.1 * i, 640 + 10 * i, 0.5));
			Task task = client().uploadTo(opened.id(), file, "open-" + opened.id() + "-" + i);
			assertThat(client().uploadTo(opened.id(), file, "open-" + opened.id() + "-" + i).id())
				.as("sent again under its key").isEqualTo(task.id());
			sent.add(task.id());
		}
		List<Task.State> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		Task followed = client().follow(sent.get(0), (task) -> seen.add(task.state()));
		assertThat(followed.state()).isEqualTo(Task.State.SUCCEEDED);
		assertThat(seen).last().isEqualTo(Task.State.SUCCEEDED);

		Batch closed = client().closeBatch(opened.id());
		assertThat(closed.complete()).isTrue();
		assertThat(closed.total()).isEqualTo(3);
		for (String id : sent) {
			client().await(id, Duration.ofSeconds(60));
		}
		List<Task> tasks = client().tasksOf(opened.id()).toList();
		assertThat(tasks).extracting(Task::id).containsExactlyElementsOf(sent);
		assertThat(tasks).extracting(Task::fileName).containsExactly("part-0.wav", "part-1.wav", "part-2.wav");
		assertThatExceptionOfType(HopperProblem.class)
			.isThrownBy(() -> client().uploadTo(opened.id(), folder.resolve("part-0.wav"), UUID.randomUUID().toString()))
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("batch_closed"));
	}

	@Test
	default void theClientReadsAMapPlanAsItsRecord() throws Exception {
		Path plan = Files.createTempFile("client-plan-", ".png");
		FloorPlanGenerator.GeneratedPlan drawn = new FloorPlanGenerator()
			.generate(new PlanSpec(PlanSpec.Style.CAD, 0, 90, 1, false, 41));
		Files.write(plan, MapFixtures.png(drawn.image()));

		Task task = client().await(client().upload(plan, "map-parse").id(), Duration.ofSeconds(60));

		assertThat(task.state()).isEqualTo(Task.State.SUCCEEDED);
		dev.hopper.client.MapPlan parsed = client().result(task.id(), dev.hopper.client.MapPlan.class);
		assertThat(parsed.image().width()).isEqualTo(drawn.image().getWidth());
		assertThat(parsed.slots()).hasSize(drawn.truth().slots().size());
		assertThat(parsed.slots()).allSatisfy((slot) -> assertThat(slot.polygon()).hasSize(4));
		assertThat(parsed.parser().kind()).isEqualTo("cv");
		assertThat(parsed.degraded()).isNull();
	}

}

package dev.hopper.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Task lists through HTTP: a tenant's own tasks by filter, a page at a time, and an operator's across tenants. */
interface TaskListScenarios extends Scenario {

	@Test
	default void aTenantListsItsTasksByFilterAPageAtATime() {
		byte[] one = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 301, 0.5);
		byte[] two = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 302, 0.5);
		byte[] three = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.2, 303, 0.5);
		JsonNode batch = http().postParts("/api/v1/batches",
				Http.partList("type", "audio-features", "files", one, "files", two, "files", three)).json();
		String batchId = batch.get("id").asString();
		List<String> taskIds = batch.get("taskIds").valueStream().map(JsonNode::asString).toList();
		taskIds.forEach(this::awaitFinished);

		JsonNode first = http().get("/api/v1/tasks?batchId=" + batchId + "&pageSize=2").json();
		JsonNode second = http()
			.get("/api/v1/tasks?batchId=" + batchId + "&pageSize=2&pageToken=" + first.get("nextPageToken").asString())
			.json();

		List<String> listed = new ArrayList<>();
		first.get("tasks").forEach((task) -> listed.add(task.get("id").asString()));
		second.get("tasks").forEach((task) -> listed.add(task.get("id").asString()));
		List<String> newestFirst = new ArrayList<>(taskIds);
		java.util.Collections.reverse(newestFirst);
		assertThat(listed).as("newest first, each once").containsExactlyElementsOf(newestFirst);
		assertThat(second.get("nextPageToken").isNull()).isTrue();
		assertThat(first.get("total").get("count").asLong()).isEqualTo(3);
		assertThat(first.get("total").get("exact").asBoolean()).isTrue();
		assertThat(http().get("/api/v1/tasks?batchId=" + batchId + "&state=SUCCEEDED&type=audio-features").json()
			.get("tasks")).hasSize(3);
		assertThat(http().get("/api/v1/tasks?batchId=" + batchId + "&state=FAILED,CANCELLED").json().get("tasks"))
			.isEmpty();

		// another tenant lists none of them; an operator finds them across tenants
		Http admin = http().withKey(Http.ADMIN_KEY);
		String otherKey = admin.post("/admin/v1/tenants/lists-other/keys", "application/json", "{}").json()
			.get("key").asString();
		assertThat(http().withKey(otherKey).get("/api/v1/tasks?batchId=" + batchId).json().get("tasks")).isEmpty();
		Set<String> seenByOperator = new java.util.HashSet<>();
		admin.get("/admin/v1/tasks?batchId=" + batchId).json().get("tasks")
			.forEach((task) -> seenByOperator.add(task.get("id").asString()));
		assertThat(seenByOperator).containsExactlyInAnyOrderElementsOf(taskIds);
	}

	@Test
	default void aBulkCancelCountsFirstThenCancelsWhatTheFiltersShow() {
		String since = java.time.Instant.now().minusMillis(1).toString();
		List<String> waiting = List.of(insertQueuedTask(), insertQueuedTask());
		String filters = "state=QUEUED&type=audio-features&createdAfter=" + since;

		JsonNode dryRun = http().post("/api/v1/tasks/cancel?dryRun=true&" + filters, "application/json", "").json();
		assertThat(dryRun.get("matched").asLong()).isEqualTo(2);
		assertThat(dryRun.get("changed").asLong()).isZero();
		assertThat(http().get("/api/v1/tasks?" + filters).json().get("tasks")).as("nothing changed yet").hasSize(2);

		JsonNode done = http().post("/api/v1/tasks/cancel?" + filters, "application/json", "").json();
		assertThat(done.get("changed").asLong()).isEqualTo(2);
		assertThat(done.get("complete").asBoolean()).isTrue();
		for (String id : waiting) {
			assertThat(http().get("/api/v1/tasks/" + id).json().get("state").asString()).isEqualTo("CANCELLED");
		}
	}

}

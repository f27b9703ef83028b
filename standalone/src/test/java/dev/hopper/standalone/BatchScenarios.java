package dev.hopper.standalone;

import java.util.List;

import dev.hopper.core.TimeOrderedId;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches: many files in one request, their counts and pages, and redriving their failures. */
interface BatchScenarios extends Scenario {

	@Test
	default void aBatchQueuesEachGoodFileListsTheRefusedOnesAndPagesThroughItsTasks() {
		byte[] a = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 330, 0.5);
		byte[] b = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 350, 0.5);
		byte[] c = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 370, 0.5);
		Http.Response accepted = http().postParts("/api/v1/batches", Http.partList("type", "audio-features",
				"params", "{\"note\": \"batch\"}", "files", a, "files", "<html>not audio</html>".getBytes(),
				"files", b, "files", new byte[0], "files", c));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode batch = accepted.json();
		String id = batch.get("id").asString();
		assertThat(accepted.location()).isEqualTo("/api/v1/batches/" + id);
		assertThat(batch.get("taskIds")).hasSize(3);
		assertThat(batch.get("total").asInt()).isEqualTo(5);
		assertThat(batch.get("counts").get("refused").asInt()).isEqualTo(2);
		assertThat(batch.get("refusedFiles").get(0).get("code").asString()).isEqualTo("unsupported_format");
		assertThat(batch.get("refusedFiles").get(1).get("code").asString()).isEqualTo("empty_file");

		await(() -> http().get("/api/v1/batches/" + id).json().get("state").asString().equals("SUCCEEDED"),
				"the batch to finish");
		JsonNode first = http().get("/api/v1/batches/" + id + "?pageSize=2").json();
		assertThat(first.get("counts").get("succeeded").asInt()).isEqualTo(3);
		assertThat(first.get("complete").asBoolean()).isTrue();
		assertThat(first.get("tasks")).hasSize(2);
		assertThat(first.get("tasks").get(0).get("batchId").asString()).isEqualTo(id);
		JsonNode second = http().get("/api/v1/batches/" + id + "?pageSize=2&pageToken="
				+ first.get("nextPageToken").asString()).json();
		assertThat(second.get("tasks")).hasSize(1);
		assertThat(second.get("nextPageToken").isNull()).isTrue();
		List<String> paged = java.util.stream.Stream.concat(first.get("tasks").valueStream(),
				second.get("tasks").valueStream()).map((t) -> t.get("id").asString()).toList();
		assertThat(paged).containsExactlyElementsOf(batch.get("taskIds").valueStream().map(JsonNode::asString).toList());

		assertProblem(http().postParts("/api/v1/batches", Http.partList("files", a, "type", "audio-features")), 400,
				"type_must_come_first");
		// given in the query, the type may follow the files in the form, as many clients send it
		Http.Response typeInQuery = http().postParts("/api/v1/batches?type=audio-features",
				Http.partList("files", a, "type", "audio-features"));
		assertThat(typeInQuery.status()).as(typeInQuery.body()).isEqualTo(202);
		assertThat(typeInQuery.json().get("taskIds")).hasSize(1);
		assertProblem(http().get("/api/v1/batches/" + TimeOrderedId.next(java.time.Clock.systemUTC())), 404,
				"batch_not_found");
	}

	@Test
	default void redrivingABatchQueuesOnlyItsFailedTasksAgain() {
		byte[] good = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 390, 0.5);
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 410, 0.5);
		java.nio.ByteBuffer.wrap(twelveBit).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);
		String id = http().postParts("/api/v1/batches",
				Http.partList("type", "audio-features", "files", good, "files", twelveBit))
			.json().get("id").asString();
		await(() -> http().get("/api/v1/batches/" + id).json().get("state").asString().equals("FAILED"),
				"the batch to finish with a failure");
		JsonNode failedTask = http().get("/api/v1/batches/" + id).json().get("tasks").get(1);
		assertThat(failedTask.get("state").asString()).isEqualTo("FAILED");
		String failedId = failedTask.get("id").asString();

		Http.Response redriven = http().post("/api/v1/batches/" + id + "/redrive", "application/json", "");
		assertThat(redriven.status()).isEqualTo(202);
		assertThat(redriven.json().get("redriven").asInt()).isEqualTo(1);
		JsonNode again = awaitFinished(failedId);
		assertThat(again.get("state").asString()).isEqualTo("FAILED");
		assertThat(again.get("attempts").asInt()).as("attempts count afresh").isEqualTo(1);
		JsonNode batch = http().get("/api/v1/batches/" + id).json();
		assertThat(batch.get("counts").get("succeeded").asInt()).isEqualTo(1);
		assertThat(batch.get("counts").get("failed").asInt()).isEqualTo(1);
	}

	@Test
	default void anOpenBatchIsFilledOneFileAtATimeAndReadsAsFinishedOnlyOnceClosed() {
		byte[] a = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 430, 0.5);
		byte[] b = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.4, 450, 0.5);
		Http.Response opened = http().post("/api/v1/batches", "application/json",
				"{\"type\": \"audio-features\", \"params\": {\"note\": \"open\"}}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String id = opened.json().get("id").asString();
		assertThat(opened.location()).isEqualTo("/api/v1/batches/" + id);
		assertThat(opened.json().get("complete").asBoolean()).isFalse();
		assertThat(opened.json().get("state").asString()).as("empty and open").isEqualTo("QUEUED");

		Http.Response first = http().postMultipart("/api/v1/tasks?batch=" + id, Http.parts("file", a));
		assertThat(first.status()).as(first.body()).isEqualTo(202);
		assertThat(first.json().get("batchId").asString()).isEqualTo(id);
		assertThat(first.json().get("type").asString()).isEqualTo("audio-features");
		String firstId = first.json().get("id").asString();
		awaitFinished(firstId);
		assertThat(http().get("/api/v1/batches/" + id).json().get("state").asString())
			.as("every task so far finished, but more may come").isEqualTo("RUNNING");
		assertProblem(http().postMultipart("/api/v1/tasks?batch=" + id, Http.parts("type", "map-parse", "file", b)),
				400, "conflicting_field");
		assertProblem(http().postMultipart("/api/v1/tasks?batch=" + id, Http.parts("params", "{}", "file", b)), 400,
				"conflicting_field");
		Http.Response second = http().postMultipart("/api/v1/tasks?batch=" + id,
				Http.parts("type", "audio-features", "file", b));
		assertThat(second.status()).as(second.body()).isEqualTo(202);

		Http admin = http().withKey(Http.ADMIN_KEY);
		String otherKey = admin.post("/admin/v1/tenants/batch-stranger/keys", "application/json", "{\"name\": \"x\"}")
			.json().get("key").asString();
		assertProblem(http().withKey(otherKey).postMultipart("/api/v1/tasks?batch=" + id, Http.parts("file", b)), 404,
				"batch_not_found");
		assertProblem(http().withKey(otherKey).post("/api/v1/batches/" + id + "/close", "application/json", ""), 404,
				"batch_not_found");

		Http.Response closed = http().post("/api/v1/batches/" + id + "/close", "application/json", "");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("complete").asBoolean()).isTrue();
		assertThat(closed.json().get("total").asInt()).isEqualTo(2);
		assertThat(http().post("/api/v1/batches/" + id + "/close", "application/json", "").status())
			.as("closing twice").isEqualTo(200);
		assertProblem(http().postMultipart("/api/v1/tasks?batch=" + id, Http.parts("file", a)), 409, "batch_closed");
		await(() -> http().get("/api/v1/batches/" + id).json().get("state").asString().equals("SUCCEEDED"),
				"the closed batch to finish");
		JsonNode batch = http().get("/api/v1/batches/" + id).json();
		assertThat(batch.get("counts").get("succeeded").asInt()).isEqualTo(2);
		assertThat(batch.get("tasks").get(0).get("id").asString()).isEqualTo(firstId);
		assertThat(batch.get("tasks").get(1).get("fileName").asString()).isNotBlank();
		assertThat(http().get("/api/v1/tasks/" + firstId + "/result").json().get("durationSec").asDouble())
			.isEqualTo(0.3);
	}

}

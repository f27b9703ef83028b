package dev.hopper.api.intake;

import dev.hopper.api.ApiSlice;
import dev.hopper.core.task.Task;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/** {@code POST /api/v1/tasks} as multipart: what is taken, what is refused with which code, and what is stored. */
@WebMvcTest(controllers = TaskIntakeController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
class TaskIntakeControllerTests extends IntakeSlice {

	@Test
	void anAudioFileIsStoredRecordedAndPublishedAnd202PointsAtItsTask() {
		byte[] wav = MultipartBody.wav(800);

		MvcTestResult answer = upload(new MultipartBody().field("type", "audio-features").file("file", "a.wav", wav));

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
		ArgumentCaptor<Task> recorded = ArgumentCaptor.forClass(Task.class);
		then(this.lifecycle).should().insert(recorded.capture());
		Task task = recorded.getValue();
		assertThat(answer).hasHeader("Location", "/api/v1/tasks/" + task.id());
		assertThat(task.tenantId()).isEqualTo(TENANT);
		assertThat(task.upload().sizeBytes()).isEqualTo(wav.length);
		assertThat(task.upload().fileName()).isEqualTo("a.wav");
		then(this.publisher).should().publish(task);
		assertThat(answer).bodyJson().extractingPath("$.state").isEqualTo("QUEUED");
	}

	@Test
	void theTypeMayComeAfterTheFile() {
		MvcTestResult answer = upload(
				new MultipartBody().file("file", "a.wav", MultipartBody.wav(10)).field("type", "audio-features"));

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void anUnknownTypeIsRefusedBeforeTheFileIsStored() {
		assertProblem(upload(new MultipartBody().field("type", "video").file("file", "a.wav", MultipartBody.wav(10))),
				HttpStatus.BAD_REQUEST, "unknown_type");
		then(this.blobs).should(never()).put(anyString(), any(), anyString());
		then(this.lifecycle).should(never()).insert(any());
	}

	@Test
	void aFileOfTheWrongKindIs415AndNothingIsStored() {
		assertProblem(upload(new MultipartBody().field("type", "audio-features")
			.file("file", "plan.png", MultipartBody.pngHead(100, 100))), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"unsupported_format");
		then(this.blobs).should(never()).put(anyString(), any(), anyString());
	}

	@Test
	void anImageDeclaringTooManyPixelsIsRefusedOnItsHeader() {
		assertProblem(upload(new MultipartBody().field("type", "map-parse")
			.file("file", "bomb.png", MultipartBody.pngHead(100_000, 100_000))), HttpStatus.UNPROCESSABLE_CONTENT,
				"image_too_large");
		then(this.blobs).should(never()).put(anyString(), any(), anyString());
	}

	@Test
	void missingPartsAndEmptyFilesAre400() {
		assertProblem(upload(new MultipartBody().field("type", "audio-features")), HttpStatus.BAD_REQUEST,
				"missing_file");
		assertProblem(upload(new MultipartBody().file("file", "a.wav", MultipartBody.wav(10))), HttpStatus.BAD_REQUEST,
				"missing_type");
		assertProblem(upload(new MultipartBody().field("type", "audio-features").file("file", "e.wav", new byte[0])),
				HttpStatus.BAD_REQUEST, "empty_file");
	}

	@Test
	void theTypeAndParamsMayBeQueryParameters() {
		MvcTestResult answer = this.mvc.post()
			.uri("/api/v1/tasks?type=audio-features&params={params}", "{\"window\": \"hann\"}")
			.header("X-API-Key", KEY)
			.contentType(MultipartBody.CONTENT_TYPE)
			.content(new MultipartBody().file("file", "a.wav", MultipartBody.wav(10)).bytes())
			.exchange();

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
		then(this.lifecycle).should()
			.insert(argThat((task) -> task.params().equals(java.util.Map.of("window", "hann"))));
		assertProblem(this.mvc.post()
			.uri("/api/v1/tasks?type=map-parse")
			.header("X-API-Key", KEY)
			.contentType(MultipartBody.CONTENT_TYPE)
			.content(new MultipartBody().field("type", "audio-features").file("file", "a.wav", MultipartBody.wav(10))
				.bytes())
			.exchange(), HttpStatus.BAD_REQUEST, "conflicting_field");
	}

	@Test
	void aBodyThatIsNotMultipartOrIsCutShortIsAProblem() {
		assertProblem(this.mvc.post().uri("/api/v1/tasks").header("X-API-Key", KEY).contentType("application/json")
			.content("{}").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
		byte[] whole = new MultipartBody().field("type", "audio-features").file("file", "a.wav", MultipartBody.wav(10))
			.bytes();
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
		assertProblem(this.mvc.post().uri("/api/v1/tasks").header("X-API-Key", KEY)
			.contentType(MultipartBody.CONTENT_TYPE).content(cut).exchange(), HttpStatus.BAD_REQUEST,
				"malformed_multipart");
		then(this.lifecycle).should(never()).insert(any());
	}

	private MvcTestResult upload(MultipartBody body) {
		return this.mvc.post().uri("/api/v1/tasks").header("X-API-Key", KEY).contentType(MultipartBody.CONTENT_TYPE)
			.content(body.bytes()).exchange();
	}

}

package dev.hopper.api.intake;

import dev.hopper.api.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/** {@code POST /api/v1/batches}: each good file a task, refused files listed, the form's order enforced. */
@WebMvcTest(controllers = BatchIntakeController.class, properties = "hopper.auth.admin-key=" + ApiSlice.ADMIN_KEY)
class BatchIntakeControllerTests extends IntakeSlice {


	@Test
	void eachGoodFileBecomesATaskAndARefusedOneIsListedWithItsReason() {
		MvcTestResult answer = upload(new MultipartBody().field("type", "audio-features")
			.file("files", "one.wav", MultipartBody.wav(10))
			.file("files", "plan.png", MultipartBody.pngHead(10, 10))
			.file("files", "two.wav", MultipartBody.wav(20)));

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
		assertThat(answer).bodyJson().extractingPath("$.taskIds").asArray().hasSize(2);
		assertThat(answer).bodyJson().extractingPath("$.refusedFiles[0].code").isEqualTo("unsupported_format");
		assertThat(answer).bodyJson().extractingPath("$.refusedFiles[0].fileName").isEqualTo("plan.png");
		then(this.lifecycle).should().insertAll(argThat((tasks) -> tasks.size() == 2));
	}

	@Test
	void filesBeforeTheTypeAreRefusedAsAWhole() {
		assertProblem(upload(new MultipartBody().file("files", "one.wav", MultipartBody.wav(10))
			.field("type", "audio-features")), HttpStatus.BAD_REQUEST, "type_must_come_first");
		then(this.lifecycle).should(never()).insertAll(any());
		then(this.lifecycle).should(never()).insert(any());
	}

	@Test
	void theTypeAndParamsMayComeAsQueryParametersWhateverTheFormsOrder() {
		MvcTestResult answer = this.mvc.post()
			.uri("/api/v1/batches?type=audio-features&params={params}", "{\"n\": 1}")
			.header("X-API-Key", KEY)
			.contentType(MultipartBody.CONTENT_TYPE)
			.content(new MultipartBody().file("files", "one.wav", MultipartBody.wav(10))
				.field("type", "audio-features")
				.bytes())
			.exchange();

		assertThat(answer).hasStatus(HttpStatus.ACCEPTED);
		then(this.lifecycle).should()
			.insertAll(argThat((tasks) -> tasks.size() == 1 && tasks.get(0).params().equals(java.util.Map.of("n", 1))));
	}

	@Test
	void aTypeInTheQueryAndAnotherInTheFormIs400() {
		MvcTestResult answer = this.mvc.post()
			.uri("/api/v1/batches?type=audio-features")
			.header("X-API-Key", KEY)
			.contentType(MultipartBody.CONTENT_TYPE)
			.content(new MultipartBody().field("type", "map-parse").file("files", "one.wav", MultipartBody.wav(10))
				.bytes())
			.exchange();

		assertProblem(answer, HttpStatus.BAD_REQUEST, "conflicting_field");
		then(this.lifecycle).should(never()).insertAll(any());
	}

	@Test
	void aBatchOfAnUnknownTypeOrWithoutFilesIs400() {
		assertProblem(upload(new MultipartBody().field("type", "videos").file("files", "a.wav", MultipartBody.wav(1))),
				HttpStatus.BAD_REQUEST, "unknown_type");
		assertProblem(upload(new MultipartBody().field("type", "audio-features")), HttpStatus.BAD_REQUEST,
				"missing_files");
	}

	private MvcTestResult upload(MultipartBody body) {
		return this.mvc.post().uri("/api/v1/batches").header("X-API-Key", KEY).contentType(MultipartBody.CONTENT_TYPE)
			.content(body.bytes()).exchange();
	}

}

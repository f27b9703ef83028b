package dev.hopper.core.task;

import java.util.EnumSet;
import java.util.List;

import dev.hopper.core.content.ContentKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobTypesTests {

	@Test
	void theBuiltInTypesAreRegisteredWithTheKindsTheyRead() {
		JobTypes types = JobTypes.withBuiltIns(List.of());

		assertThat(types.names()).containsExactly("audio-features", "map-parse");
		assertThat(types.get(JobType.AUDIO_FEATURES).accepts(ContentKind.FLAC)).isTrue();
		assertThat(types.get(JobType.AUDIO_FEATURES).accepts(ContentKind.PNG)).isFalse();
		assertThat(types.get(JobType.MAP_PARSE).accepts(ContentKind.WEBP)).isTrue();
	}

	@Test
	void anApplicationAddsATypeAfterTheBuiltInOnes() {
		JobTypeSpec thumbnails = new JobTypeSpec(JobType.of("video-thumbnails"), EnumSet.of(ContentKind.UNKNOWN));

		JobTypes types = JobTypes.withBuiltIns(List.of(thumbnails));

		assertThat(types.all()).containsExactly(JobType.AUDIO_FEATURES, JobType.MAP_PARSE, thumbnails.type());
		assertThat(types.find("video-thumbnails")).contains(thumbnails);
		assertThat(types.find("video")).isEmpty();
	}

	@Test
	void aTypeRegisteredTwiceDifferentlyIsRefused() {
		JobTypeSpec imagesAsAudio = new JobTypeSpec(JobType.AUDIO_FEATURES, EnumSet.of(ContentKind.PNG));

		assertThatIllegalArgumentException().isThrownBy(() -> JobTypes.withBuiltIns(List.of(imagesAsAudio)))
			.withMessageContaining("audio-features");
	}

	@Test
	void aTypeNameIsLowerCaseWordsJoinedByHyphens() {
		assertThat(JobType.isWellFormed("map-parse")).isTrue();
		assertThat(JobType.isWellFormed("v2-thumbs")).isTrue();
		String[] bad = { "", "Map-Parse", "map_parse", "-map", "map-", "map--parse", "a.b", "x".repeat(65) };
		for (String name : bad) {
			assertThat(JobType.isWellFormed(name)).as(name).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> JobType.of(name));
		}
	}

	@Test
	void aTypeAcceptsAtLeastOneKind() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JobTypeSpec(JobType.of("nothing"), EnumSet.noneOf(ContentKind.class)));
	}

}

package dev.hopper.core.intake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hopper.core.task.JobType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTests {

	private static final String FILE = "ab".repeat(32);

	@Test
	void keyOrderDoesNotMatterAtAnyDepth() {
		Map<String, Object> one = new java.util.LinkedHashMap<>();
		one.put("a", 1);
		one.put("b", Map.of("y", List.of(1, 2), "x", "z"));
		Map<String, Object> other = new TreeMap<>(java.util.Comparator.reverseOrder());
		other.putAll(one);
		assertThat(Fingerprint.of(JobType.AUDIO_FEATURES, FILE, one))
			.isEqualTo(Fingerprint.of(JobType.AUDIO_FEATURES, FILE, other));
		assertThat(Fingerprint.canonical(one)).isEqualTo("{\"a\":1,\"b\":{\"x\":\"z\",\"y\":[1,2]}}");
	}

	@Test
	void fileTypeValuesAndListOrderAllMatter() {
		String base = Fingerprint.of(JobType.AUDIO_FEATURES, FILE, Map.of("l", List.of(1, 2)));
		assertThat(Fingerprint.of(JobType.MAP_PARSE, FILE, Map.of("l", List.of(1, 2)))).isNotEqualTo(base);
		assertThat(Fingerprint.of(JobType.AUDIO_FEATURES, "cd".repeat(32), Map.of("l", List.of(1, 2))))
			.isNotEqualTo(base);
		assertThat(Fingerprint.of(JobType.AUDIO_FEATURES, FILE, Map.of("l", List.of(2, 1)))).isNotEqualTo(base);
		// a string is not the number it spells, and quotes cannot forge structure
		assertThat(Fingerprint.ofParams(Map.of("a", "1"))).isNotEqualTo(Fingerprint.ofParams(Map.of("a", 1)));
		assertThat(Fingerprint.ofParams(Map.of("a", "x\",\"b\":\"y")))
			.isNotEqualTo(Fingerprint.ofParams(Map.of("a", "x", "b", "y")));
	}

}

package dev.hopper.standalone;

import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished tasks are removed once their time to live is over, and say so: 410, not 404. */
interface RetentionScenarios extends Scenario {

	/** How long {@link #expiringTenant()}'s finished tasks are kept. */
	String KEPT = "5s";

	@Test
	default void aFinishedTaskPastItsTimeToLiveIsGoneWithItsFileWhileOtherTenantsKeepTheirs() {
		Http admin = http().withKey(Http.ADMIN_KEY);
		Http expiring = http().withKey(admin.post("/admin/v1/tenants/" + expiringTenant() + "/keys",
				"application/json", "{}").json().get("key").asString());
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.5, 523, 0.5);
		String id = expiring.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav))
			.json().get("id").asString();
		String kept = submitSine();
		awaitFinished(kept);
		await(() -> expiring.get("/api/v1/tasks/" + id).body().contains("\"SUCCEEDED\""),
				"the expiring tenant's task to succeed");
		assertThat(expiring.get("/api/v1/tasks/" + id + "/result").status()).isEqualTo(200);

		await(() -> expiring.get("/api/v1/tasks/" + id).status() == 410, "the task to expire");

		assertProblem(expiring.get("/api/v1/tasks/" + id), 410, "task_expired");
		assertProblem(expiring.get("/api/v1/tasks/" + id + "/result"), 410, "task_expired");
		assertProblem(http().get("/api/v1/tasks/" + id), 404, "task_not_found");
		assertThat(context().getBean(BlobStore.class).exists(BlobKeys.upload(id))).as("its file").isFalse();
		// the default thirty days still hold for everyone else
		assertThat(http().get("/api/v1/tasks/" + kept).json().get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(http().get("/api/v1/tasks/" + kept + "/result").status()).isEqualTo(200);
		assertThat(context().getBean(BlobStore.class).exists(BlobKeys.upload(kept))).isTrue();
		assertThat(admin.get("/actuator/prometheus").body())
			.containsPattern("hopper_retention_purged_total\\{kind=\"task\"[^}]*} [1-9]");
	}

}

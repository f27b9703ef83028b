package dev.hopper.core.tenant;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeySecretsTests {

	@Test
	void keysCarry256RandomBitsAndNeverRepeat() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String key = ApiKeySecrets.generate();
			assertThat(key).startsWith("hop_").hasSize(4 + 43).matches("hop_[A-Za-z0-9_-]+");
			keys.add(key);
		}
		assertThat(keys).hasSize(1000);
	}

	@Test
	void theHashIsSha256InHex() {
		// FIPS 180-2 test vector
		assertThat(ApiKeySecrets.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void anIssuedKeyHoldsItsHashAndAPublicIdButNotTheKey() {
		String secret = ApiKeySecrets.generate();
		ApiKey key = ApiKey.issue(secret, "acme", "ci", Instant.EPOCH);
		assertThat(key.hash()).isEqualTo(ApiKeySecrets.hash(secret));
		assertThat(key.id()).isEqualTo("key_" + key.hash().substring(0, 16));
		assertThat(key.toString()).doesNotContain(secret);
		assertThat(key.isRevoked()).isFalse();
	}

	@Test
	void tenantIdsAreShortLowercaseNames() {
		assertThat(Tenants.isValidId("acme")).isTrue();
		assertThat(Tenants.isValidId("acme-2")).isTrue();
		assertThat(Tenants.isValidId("Acme")).isFalse();
		assertThat(Tenants.isValidId("-acme")).isFalse();
		assertThat(Tenants.isValidId("a".repeat(64))).isFalse();
		assertThat(Tenants.isValidId("../etc")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKey.issue("k", "A B", "x", Instant.EPOCH));
	}

}

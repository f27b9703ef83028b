package dev.hopper.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.hopper.core.admission.RateLimiter;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskRetention;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import dev.hopper.core.tenant.ApiKeyStore;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * What every web slice of the api needs around its controller: test doubles of the ports
 * the interceptors use (API keys, the intake quota, the backlog's queue and drain rate), a
 * fixed clock, the job type registry, and one tenant key ({@link #KEY}) and the admin key.
 */
@Import(ApiSlice.Fixtures.class)
public abstract class ApiSlice {

	/** The key of tenant {@link #TENANT}. */
	protected static final String KEY = "hop_test-key-of-tenant-a";

	protected static final String TENANT = "tenant-a";

	/** The admin key, set through {@code hopper.auth.admin-key} in each slice's properties. */
	public static final String ADMIN_KEY = "admin-secret";

	protected static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@Autowired
	protected MockMvcTester mvc;

	@MockitoBean
	protected ApiKeyStore keys;

	@MockitoBean
	protected RateLimiter limiter;

	@MockitoBean
	protected WorkQueue queue;

	@MockitoBean
	protected TaskQueries tasks;

	@MockitoBean
	protected TaskRetention retention;

	@BeforeEach
	void aTenantKeyAndRoomToWork() {
		ApiKey key = ApiKey.issue(KEY, TENANT, "slice", NOW);
		given(this.keys.findByHash(anyString())).willReturn(Optional.empty());
		given(this.keys.findByHash(ApiKeySecrets.hash(KEY))).willReturn(Optional.of(key));
		given(this.limiter.acquire(anyString(), anyLong(), anyLong(), any())).willReturn(RateLimiter.Verdict.GRANTED);
	}

	/** An RFC 9457 problem with this status and code ({@code null}: any code). */
	protected static void assertProblem(MvcTestResult answer, HttpStatus status, String code) {
		assertThat(answer).hasStatus(status).hasContentType("application/problem+json");
		if (code != null) {
			assertThat(answer).bodyJson().extractingPath("$.code").isEqualTo(code);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		JobTypes jobTypes() {
			return JobTypes.withBuiltIns(List.of());
		}

	}

}

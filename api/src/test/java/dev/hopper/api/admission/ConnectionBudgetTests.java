package dev.hopper.api.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.hopper.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Caps per tenant and per replica, and a Retry-After that says when the earliest held wait ends. */
class ConnectionBudgetTests {

	private final ConnectionBudget budget = new ConnectionBudget(2, 3,
			Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void aTenantAtItsCapIsToldWhenItsEarliestWaitEnds() {
		this.budget.hold("a", Duration.ofSeconds(40));
		this.budget.hold("a", Duration.ofSeconds(12));

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.budget.hold("a", Duration.ofSeconds(60)))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
				assertThat(problem.code()).isEqualTo("too_many_waits");
				assertThat(problem.headers()).containsEntry("Retry-After", "12");
			});
		assertThat(this.budget.hold("b", Duration.ofSeconds(60))).as("another tenant still has room").isNotNull();
	}

	@Test
	void theReplicasCapHoldsAcrossTenantsAndAPlaceComesBackOnceOnly() {
		Runnable first = this.budget.hold("a", Duration.ofSeconds(30));
		this.budget.hold("b", Duration.ofSeconds(30));
		this.budget.hold("c", Duration.ofSeconds(30));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.budget.hold("d", Duration.ofSeconds(30)));

		first.run();
		first.run();

		this.budget.hold("d", Duration.ofSeconds(30));
		assertThat(this.budget.heldBy("a")).isZero();
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.budget.hold("e", Duration.ofSeconds(30)));
	}

}

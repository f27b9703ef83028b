package dev.hopper.storage.embedded;

import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which index answers a query, and what it hands the server: the oracle test checks the answers themselves. */
class EqualityIndexTests {

	private final List<EqualityIndex<Integer>> siblings = EqualityIndex.newSiblings();

	private final EqualityIndex<Integer> byTenant = index("tenantId", "_id");

	private final EqualityIndex<Integer> byTenantAndState = index("tenantId", "state", "_id");

	@Test
	void theIndexThatPinsTheMostKeysAnswersAndTheOthersStandAside() {
		Document query = new Document("$and", List.of(new Document("tenantId", "t1"),
				new Document("state", new Document("$in", List.of("FAILED", "QUEUED"))),
				new Document("_id", new Document("$lt", "x"))));

		assertThat(this.byTenantAndState.canHandle(query)).isTrue();
		assertThat(this.byTenant.canHandle(query)).isFalse();
		assertThat(this.byTenant.canHandle(new Document("tenantId", "t1"))).isTrue();
		assertThat(this.byTenantAndState.canHandle(new Document("tenantId", "t1"))).isFalse();
	}

	@Test
	void queriesItCannotLookUpAreLeftToAScan() {
		assertThat(this.byTenant.canHandle(new Document("tenantId", null))).isFalse();
		assertThat(this.byTenant.canHandle(new Document("tenantId", new Document("$in", java.util.Arrays.asList("a", null)))))
			.isFalse();
		assertThat(this.byTenant.canHandle(new Document("tenantId", new Document("$ne", "a")))).isFalse();
		assertThat(this.byTenant.canHandle(new Document("state", "FAILED"))).isFalse();
	}

	@Test
	void aDocumentIsFoundUnderItsCurrentValuesOnly() {
		Document task = new Document("_id", "1").append("tenantId", "t1").append("state", "QUEUED");
		this.byTenantAndState.add(task, 7, null);
		Document moved = new Document(task).append("state", "FAILED");

		this.byTenantAndState.updateInPlace(moved, moved, 7, null);

		assertThat(this.byTenantAndState.getPositions(new Document("tenantId", "t1").append("state", "QUEUED")))
			.isEmpty();
		assertThat(this.byTenantAndState.getPositions(new Document("tenantId", "t1").append("state", "FAILED")))
			.containsExactly(7);
		this.byTenantAndState.remove(moved);
		assertThat(this.byTenantAndState.getCount()).isZero();
	}

	@Test
	void aQueryOfPinnedKeysAloneIsCountedWithoutReadingADocument() {
		for (int i = 0; i < 5; i++) {
			this.byTenantAndState.add(new Document("_id", "q" + i).append("tenantId", "t1").append("state", "QUEUED"), i,
					null);
		}
		this.byTenantAndState.add(new Document("_id", "f").append("tenantId", "t1").append("state", "FAILED"), 9, null);

		assertThat(this.byTenantAndState.countWithoutReading(new Document("tenantId", "t1").append("state",
				new Document("$in", List.of("QUEUED", "FAILED", "QUEUED"))))).isEqualTo(6);
		assertThat(this.byTenantAndState.countWithoutReading(new Document("tenantId", "t1").append("state", "QUEUED")
			.append("type", "MAP_PARSE"))).as("a field the index does not hold").isEqualTo(-1);
		assertThat(this.byTenantAndState.countWithoutReading(new Document("$and", List.of(
				new Document("tenantId", "t1").append("state", "QUEUED"),
				new Document("_id", new Document("$lt", "q3")))))).as("an id range").isEqualTo(3);
		assertThat(this.byTenantAndState.countWithoutReading(new Document("tenantId", "t1").append("state", "QUEUED")
			.append("_id", new Document("$gte", "q1").append("$lte", "q3")))).as("an id range, flat").isEqualTo(3);
		assertThat(this.byTenantAndState.countWithoutReading(new Document("tenantId", "t1").append("state", "QUEUED")
			.append("_id", new Document("$lt", 3)))).as("a bound that is not a string").isEqualTo(-1);
		assertThat(this.byTenantAndState.countWithoutReading(new Document("tenantId", "t1").append("state", "QUEUED")
			.append("attempts", new Document("$lt", 3)))).as("a range on another field").isEqualTo(-1);
	}

	@Test
	void numbersOfAnyWidthAreOneKeyAndArraysAreOfferedToEveryQuery() {
		EqualityIndex<Integer> byAttempts = index("attempts");
		byAttempts.add(new Document("_id", "1").append("attempts", 2L), 1, null);
		byAttempts.add(new Document("_id", "2").append("attempts", List.of(1, 2)), 2, null);

		assertThat(byAttempts.getPositions(new Document("attempts", 2))).containsExactlyInAnyOrder(1, 2);
		assertThat(byAttempts.getPositions(new Document("attempts", 2.0))).containsExactlyInAnyOrder(1, 2);
		assertThat(byAttempts.getPositions(new Document("attempts", 3))).containsExactly(2);
	}

	private EqualityIndex<Integer> index(String... keys) {
		return new EqualityIndex<>(String.join("_", keys),
				java.util.Arrays.stream(keys).map((key) -> new IndexKey(key, true)).toList(), false, this.siblings);
	}

}

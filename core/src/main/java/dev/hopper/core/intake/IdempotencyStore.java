package dev.hopper.core.intake;

/** Port for idempotency keys; records expire after a day. */
public interface IdempotencyStore {

	/**
	 * Records {@code record} unless its tenant and key are taken.
	 *
	 * @return the record now stored under that tenant and key: {@code record} itself, or
	 * the earlier one
	 */
	IdempotencyRecord putIfAbsent(IdempotencyRecord record);

	/**
	 * Replaces {@code stale} (whose task was never created: the request died half-way) by
	 * {@code fresh}; false if someone else replaced it first.
	 */
	boolean replace(IdempotencyRecord stale, IdempotencyRecord fresh);

}

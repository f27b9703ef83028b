package dev.hopper.core.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Port for task leases: a worker holds one while it runs a task and renews it; when the
 * worker dies the lease expires, which is how others learn the task is orphaned.
 */
public interface LeaseRegistry {

	/** Takes the lease on {@code taskId} for {@code owner}; false when someone else holds it. */
	boolean acquire(String taskId, String owner, Duration ttl);

	/** Extends a lease {@code owner} holds; false when it was lost. */
	boolean renew(String taskId, String owner, Duration ttl);

	/** Gives up a lease {@code owner} holds; does nothing if another owner holds it. */
	void release(String taskId, String owner);

	Optional<String> holder(String taskId);

	/**
	 * Keeps a lease that one process at a time holds for recurring work (a relay, a sweeper):
	 * renews it if {@code owner} holds it, else takes it if free.
	 *
	 * @return whether {@code owner} holds it now
	 */
	default boolean keep(String name, String owner, Duration ttl) {
		return renew(name, owner, ttl) || acquire(name, owner, ttl);
	}

}

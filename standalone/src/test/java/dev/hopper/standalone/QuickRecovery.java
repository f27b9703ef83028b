package dev.hopper.standalone;

import java.util.Map;

/**
 * Short leases, a busy sweeper and a prompt outbox relay, so a test deployment finds
 * orphaned tasks, lost messages and unpublished tasks within seconds, not minutes.
 */
final class QuickRecovery {

	private QuickRecovery() {
	}

	static Map<String, Object> properties() {
		return Map.of("hopper.worker.lease-ttl", "3s", "hopper.worker.lease-renew-interval", "1s",
				"hopper.worker.sweep-interval", "1s", "hopper.worker.lost-message-after", "4s", "hopper.outbox.delay",
				"2s", "hopper.outbox.interval", "1s");
	}

}

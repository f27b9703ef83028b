package dev.hopper.api.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;

import org.springframework.stereotype.Component;

/**
 * The tasks this replica read lately, so a status poll does not cost a store read each: a
 * task is kept until the change feed says it moved ({@link #forget}, called by
 * {@link TaskWatch} before it wakes anyone), and never longer than {@link #SETTLED} (a
 * RUNNING task {@link #LIVE}, for its heartbeat), since a notice can be lost between
 * processes. A read that overlaps a notice for its task is not kept, so an answer is never
 * older than the last change this replica heard of.
 */
@Component
public class RecentTasks {

	static final Duration LIVE = Duration.ofSeconds(1);

	static final Duration SETTLED = Duration.ofSeconds(5);

	/** Past this many, the cache starts again. */
	private static final int MAX_ENTRIES = 20_000;

	/** Notices counted per stripe of ids: a read kept only if none came for its stripe meanwhile. */
	private static final int STRIPES = 64;

	private final TaskQueries tasks;

	private final Clock clock;

	private final Map<String, Read> reads = new ConcurrentHashMap<>();

	private final AtomicLongArray notices = new AtomicLongArray(STRIPES);

	RecentTasks(TaskQueries tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	Optional<Task> find(String id) {
		long now = this.clock.millis();
		int stripe = stripe(id);
		Read recent = this.reads.get(id);
		// the entry first, then the count: a notice that came after the entry was read shows
		// in the count, so a read kept a moment before the notice removes it is never served
		long noticesNow = this.notices.get(stripe);
		if (recent != null && recent.until() > now && recent.notices() == noticesNow) {
			return Optional.of(recent.task());
		}
		Optional<Task> found = this.tasks.find(id);
		found.ifPresent((task) -> keep(id, new Read(task, now + maxAge(task).toMillis(), noticesNow), stripe));
		return found;
	}

	/** The task changed: the next read goes to the store. */
	void forget(String id) {
		this.notices.incrementAndGet(stripe(id));
		this.reads.remove(id);
	}

	private void keep(String id, Read read, int stripe) {
		if (this.reads.size() >= MAX_ENTRIES) {
			this.reads.clear();
		}
		this.reads.put(id, read);
		// put first, then look: a notice either shows here or removes the read after the put;
		// between the two, readers check the count themselves
		if (this.notices.get(stripe) != read.notices()) {
			this.reads.remove(id, read);
		}
	}

	private static Duration maxAge(Task task) {
		return (task.state() == TaskState.RUNNING) ? LIVE : SETTLED;
	}

	private static int stripe(String id) {
		return Math.floorMod(id.hashCode(), STRIPES);
	}

	/** A task as read from the store, until when it may be served, and its stripe's notice count before the read. */
	private record Read(Task task, long until, long notices) {
	}

}

package dev.hopper.api.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.core.TransientFailure;
import dev.hopper.core.queue.WorkQueue;
import dev.hopper.core.task.JobType;
import dev.hopper.core.task.TaskQueries;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Refuses intake for a job type whose queue is past its configured depth: 503, with a
 * {@code Retry-After} of how long the workers take to drain the excess at the rate they
 * finished tasks over the last minute.
 */
public class BacklogGuard {

	private static final Duration DRAIN_WINDOW = Duration.ofMinutes(1);

	private static final long MAX_RETRY_AFTER_SECONDS = 600;

	private final WorkQueue queue;

	private final TaskQueries tasks;

	private final AdmissionProperties properties;

	private final Clock clock;

	private final Map<JobType, Depth> depths = new ConcurrentHashMap<>();

	BacklogGuard(WorkQueue queue, TaskQueries tasks, AdmissionProperties properties, Clock clock) {
		this.queue = queue;
		this.tasks = tasks;
		this.properties = properties;
		this.clock = clock;
	}

	/** Passes when {@code type} takes new work. @throws ApiProblem 503 when its backlog is full */
	public void admit(JobType type) {
		long limit = this.properties.maxBacklog(type);
		long depth = depth(type);
		if (depth < limit) {
			return;
		}
		Instant now = this.clock.instant();
		double perSecond = this.tasks.countFinishedSince(type, now.minus(DRAIN_WINDOW)) / (double) DRAIN_WINDOW.toSeconds();
		long excess = depth - limit + 1;
		long retryAfter = (perSecond > 0) ? Math.min(MAX_RETRY_AFTER_SECONDS, (long) Math.ceil(excess / perSecond))
				: MAX_RETRY_AFTER_SECONDS;
		throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "backlog_full",
				depth + " " + type + " tasks are waiting (limit " + limit + "); retry in about " + retryAfter + " s")
			.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter)));
	}

	private long depth(JobType type) {
		Instant now = this.clock.instant();
		Depth cached = this.depths.get(type);
		if (cached != null && cached.readAt().plus(this.properties.depthCacheTtl()).isAfter(now)) {
			return cached.messages();
		}
		long messages;
		try {
			messages = this.queue.depth(type);
		}
		catch (TransientFailure ex) {
			// the broker is down: intake goes on through the outbox, judged by the last depth known
			return (cached != null) ? cached.messages() : 0;
		}
		this.depths.put(type, new Depth(messages, now));
		return messages;
	}

	private record Depth(long messages, Instant readAt) {
	}

}

package dev.hopper.api.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hopper.api.admission.ConnectionBudget;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.status.TaskListQuery;
import dev.hopper.core.task.TaskChangeFeed;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live task lists over server-sent events: each open list gets its rows again when a task
 * changed (or every few seconds, as change notices may be lost), only when they differ,
 * and a comment line now and then so a dead connection is found. A stream ends when its
 * session ends, and has a lifetime (the browser reconnects by itself); a session holds at
 * most a few, and each counts against its tenant's {@link ConnectionBudget}.
 */
@Component
class TaskListStreams implements DisposableBean {

	static final int PER_SESSION = 4;

	private static final Duration LIFETIME = Duration.ofMinutes(30);

	private static final Duration RECHECK = Duration.ofSeconds(5);

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Logger logger = LoggerFactory.getLogger(TaskListStreams.class);

	private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

	/** The operator's streams count against this name, which no tenant id can take (no parentheses). */
	private static final String OPERATOR = "(operator)";

	private final ConsoleTaskPages pages;

	private final ConnectionBudget budget;

	private final Clock clock;

	private final AutoCloseable subscription;

	TaskListStreams(ConsoleTaskPages pages, TaskChangeFeed feed, ConnectionBudget budget, Clock clock) {
		this.pages = pages;
		this.budget = budget;
		this.clock = clock;
		this.subscription = feed.subscribe((taskId) -> this.streams.forEach((stream) -> stream.changed.set(true)));
	}

	SseEmitter open(HttpSession http, ConsoleSession session, TaskListQuery query) {
		long mine = this.streams.stream().filter((stream) -> stream.http.getId().equals(http.getId())).count();
		if (mine >= PER_SESSION) {
			throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
					"Too many live lists are open; close one (a session may have " + PER_SESSION + ")");
		}
		Runnable release = this.budget.hold(session.isOperator() ? OPERATOR : session.tenantId(), LIFETIME);
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Stream stream = new Stream(http, session, query, emitter, this.clock.instant());
		this.streams.add(stream);
		Runnable end = () -> {
			this.streams.remove(stream);
			release.run();
		};
		emitter.onCompletion(end);
		emitter.onTimeout(end);
		emitter.onError((ex) -> end.run());
		return emitter;
	}

	@Scheduled(fixedDelay = 1000)
	void tick() {
		Instant now = this.clock.instant();
		for (Stream stream : this.streams) {
			try {
				if (!stream.stillSignedIn()) {
					close(stream);
				}
				else if (stream.changed.getAndSet(false) || stream.lastSent.plus(RECHECK).isBefore(now)) {
					send(stream, now);
				}
				else if (stream.lastWritten.plus(HEARTBEAT).isBefore(now)) {
					stream.emitter.send(SseEmitter.event().comment("still here"));
					stream.lastWritten = now;
				}
			}
			catch (IOException | IllegalStateException ex) {
				close(stream);
			}
			catch (RuntimeException ex) {
				logger.debug("A live task list could not be refreshed: {}", ex.getMessage());
			}
		}
	}

	private void send(Stream stream, Instant now) throws IOException {
		String rows = this.pages.rows(this.pages.page(stream.session, stream.query));
		stream.lastSent = now;
		if (!rows.equals(stream.lastRows)) {
			stream.emitter.send(SseEmitter.event().name("rows").data(rows));
			stream.lastRows = rows;
			stream.lastWritten = now;
		}
	}

	private void close(Stream stream) {
		this.streams.remove(stream);
		stream.emitter.complete();
	}

	@Override
	public void destroy() throws Exception {
		this.subscription.close();
		this.streams.forEach(this::close);
	}

	private static final class Stream {

		private final HttpSession http;

		private final ConsoleSession session;

		private final TaskListQuery query;

		private final SseEmitter emitter;

		private final AtomicBoolean changed = new AtomicBoolean(true);

		private Instant lastSent;

		private Instant lastWritten;

		private @Nullable String lastRows;

		Stream(HttpSession http, ConsoleSession session, TaskListQuery query, SseEmitter emitter, Instant now) {
			this.http = http;
			this.session = session;
			this.query = query;
			this.emitter = emitter;
			this.lastSent = now;
			this.lastWritten = now;
		}

		/** False once the session was signed out or expired. */
		boolean stillSignedIn() {
			return this.session.equals(ConsoleSession.of(this.http));
		}

	}

}

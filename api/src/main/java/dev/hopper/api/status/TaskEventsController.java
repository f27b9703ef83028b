package dev.hopper.api.status;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.hopper.api.admission.ConnectionBudget;
import dev.hopper.api.auth.KeyRevocation;
import dev.hopper.api.auth.Tenant;
import dev.hopper.core.task.Task;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/tasks/{id}/events}: the task as Server-Sent Events, one {@code task}
 * event (the task JSON) per change, the last one in a final state, after which the stream
 * ends. Event ids are task versions: a client reconnecting with {@code Last-Event-ID} gets
 * the task at once if it changed meanwhile, and a 204 (stop reconnecting) if it had already
 * seen its final state.
 */
@RestController
class TaskEventsController {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private final TenantTasks tasks;

	private final TaskViews views;

	private final TaskWatch watch;

	private final ConnectionBudget budget;

	private final KeyRevocation revocation;

	private final Set<Stream> open = ConcurrentHashMap.newKeySet();

	TaskEventsController(TenantTasks tasks, TaskViews views, TaskWatch watch, ConnectionBudget budget,
			KeyRevocation revocation) {
		this.tasks = tasks;
		this.budget = budget;
		this.revocation = revocation;
		this.views = views;
		this.watch = watch;
	}

	@Operation(summary = "Follow a task as server-sent events until it finishes")
	@ApiResponse(responseCode = "200",
			description = "An event stream: one `task` event per change, `Last-Event-ID` resumes", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "task_not_found" })
	@Refusal(status = 410, codes = { "task_expired" })
	@Refusal(status = 429, codes = { "too_many_waits" })
	@GetMapping(path = "/api/v1/tasks/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(Tenant tenant, @PathVariable String id,
			@RequestHeader(value = "Last-Event-ID", required = false) @Nullable String lastEventId,
			HttpServletRequest request) {
		Task task = this.tasks.find(tenant, id);
		if (task.state().isTerminal() && TaskVersion.of(task).equals(lastEventId)) {
			return ResponseEntity.noContent().build();
		}
		Runnable release = this.budget.hold(tenant.id(), STREAM_TIMEOUT);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Stream stream = new Stream(emitter, lastEventId, KeyRevocation.presentedHash(request), release);
		// a stream that ends before the handler returns (its task already finished) gets no
		// async completion from the container: the stream gives its hold back itself
		emitter.onCompletion(stream::close);
		emitter.onTimeout(stream::close);
		emitter.onError((ex) -> stream.close());
		this.open.add(stream);
		stream.watchedBy(this.watch.watch(id, () -> this.tasks.reload(task).ifPresent(stream::send)));
		stream.send(task);
		return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
	}

	/**
	 * Every open stream, now and then: a comment line, so a client that has gone is noticed
	 * (the write fails) and a proxy keeps the connection; and a stream whose key was revoked
	 * since it opened is ended.
	 */
	@Scheduled(fixedDelayString = "${hopper.events.heartbeat:15s}")
	void heartbeat() {
		for (Stream stream : this.open) {
			if (this.revocation.isRevoked(stream.keyHash)) {
				stream.end();
			}
			else {
				stream.beat();
			}
		}
	}

	/** One client's stream: sends each new version once, and ends after a final state. */
	private final class Stream {

		private final SseEmitter emitter;

		private @Nullable String sent;

		private boolean ended;

		private final String keyHash;

		private final Runnable release;

		private @Nullable Runnable unwatch;

		private boolean closed;

		Stream(SseEmitter emitter, @Nullable String lastEventId, String keyHash, Runnable release) {
			this.emitter = emitter;
			this.sent = lastEventId;
			this.keyHash = keyHash;
			this.release = release;
		}

		/** How to stop watching the task; at once if the stream closed meanwhile. */
		synchronized void watchedBy(Runnable unwatch) {
			if (this.closed) {
				unwatch.run();
			}
			else {
				this.unwatch = unwatch;
			}
		}

		/** Stops watching, gives the budget back and leaves the open streams; once. */
		synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				TaskEventsController.this.open.remove(this);
				if (this.unwatch != null) {
					this.unwatch.run();
				}
				this.release.run();
			}
		}

		synchronized void beat() {
			if (this.ended) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event().comment("still here"));
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
				this.ended = true;
				this.emitter.completeWithError(ex);
				close();
			}
		}

		synchronized void end() {
			if (!this.ended) {
				this.ended = true;
				this.emitter.complete();
				close();
			}
		}

		synchronized void send(Task task) {
			String version = TaskVersion.of(task);
			if (this.ended || version.equals(this.sent)) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event()
					.id(version)
					.name("task")
					.reconnectTime(2000)
					.data(TaskEventsController.this.views.of(task), MediaType.APPLICATION_JSON));
				this.sent = version;
				if (task.state().isTerminal()) {
					this.ended = true;
					this.emitter.complete();
					close();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
				this.ended = true;
				this.emitter.completeWithError(ex);
				close();
			}
		}

	}

}

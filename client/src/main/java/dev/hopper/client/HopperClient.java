package dev.hopper.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;


import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of Hopper's public API. Uploads stream from disk; every upload carries an
 * idempotency key, so a retry after a dropped connection never makes a second task. Answers
 * of 429 and 503 are retried after the wait their {@code Retry-After} asks for, up to a
 * number of attempts; any other refusal is thrown as a {@link HopperProblem}.
 */
public final class HopperClient {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final URI base;

	private final @Nullable String apiKey;

	private final HttpClient http;

	private final int maxAttempts;

	private final Duration longestWait;

	private final Duration quotaPatience;

	private static final LongConsumer NOT_COUNTED = (bytes) -> {
	};

	private HopperClient(Builder builder) {
		this.base = builder.base;
		this.apiKey = builder.apiKey;
		this.http = (builder.http != null) ? builder.http
				: HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.maxAttempts = builder.maxAttempts;
		this.longestWait = builder.longestWait;
		this.quotaPatience = builder.quotaPatience;
	}

	public static Builder builder(URI base) {
		return new Builder(base);
	}

	/** Uploads one file as a task of {@code type}; the key makes sending it again harmless. */
	public Task upload(Path file, String type, Map<String, ?> params, String idempotencyKey) throws IOException {
		return upload(file, type, params, idempotencyKey, NOT_COUNTED);
	}

	/** {@link #upload(Path, String, Map, String)}, telling {@code sent} of each piece of the file sent. */
	public Task upload(Path file, String type, Map<String, ?> params, String idempotencyKey, LongConsumer sent)
			throws IOException {
		MultipartBody body = new MultipartBody().file("file", file, sent);
		HttpRequest.Builder request = request("/api/v1/tasks" + typeQuery(type, params))
			.header("Content-Type", body.contentType())
			.header("Idempotency-Key", idempotencyKey)
			.POST(body.publisher());
		return read(send(request, true), Task.class);
	}

	/** Uploads one file as a task of {@code type}, under a key of its own. */
	public Task upload(Path file, String type) throws IOException {
		return upload(file, type, Map.of(), UUID.randomUUID().toString());
	}

	/** Uploads files as one batch of {@code type}: files the server refuses are listed in the answer. */
	public Batch uploadBatch(List<Path> files, String type, Map<String, ?> params) throws IOException {
		MultipartBody body = new MultipartBody();
		for (Path file : files) {
			body.file("files", file);
		}
		HttpRequest.Builder request = request("/api/v1/batches" + typeQuery(type, params))
			.header("Content-Type", body.contentType())
			.POST(body.publisher());
		// a batch has no idempotency key: a failed request is not sent again on its own
		return read(send(request, false), Batch.class);
	}

	/** Opens an empty batch of {@code type}: fill it with {@link #uploadTo}, then {@link #closeBatch}. */
	public Batch openBatch(String type, Map<String, ?> params) throws IOException {
		String body = JSON.writeValueAsString(Map.of("type", type, "params", params));
		HttpRequest.Builder request = request("/api/v1/batches").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		// no idempotency key for opening: a retried open would make a second, empty batch
		return read(send(request, false), Batch.class);
	}

	/** Uploads one file into an open batch (its type and params apply); the key makes sending it again harmless. */
	public Task uploadTo(String batchId, Path file, String idempotencyKey) throws IOException {
		return uploadTo(batchId, file, idempotencyKey, NOT_COUNTED);
	}

	/** {@link #uploadTo(String, Path, String)}, telling {@code sent} of each piece of the file sent. */
	public Task uploadTo(String batchId, Path file, String idempotencyKey, LongConsumer sent) throws IOException {
		MultipartBody body = new MultipartBody().file("file", file, sent);
		HttpRequest.Builder request = request("/api/v1/tasks?batch=" + encoded(batchId))
			.header("Content-Type", body.contentType())
			.header("Idempotency-Key", idempotencyKey)
			.POST(body.publisher());
		return read(send(request, true), Task.class);
	}

	/** Closes a batch: no more files join it, and its state may now read as finished. */
	public Batch closeBatch(String batchId) throws IOException {
		return read(send(request("/api/v1/batches/" + encoded(batchId) + "/close")
			.POST(HttpRequest.BodyPublishers.noBody()), true), Batch.class);
	}

	/** Every task of a batch in upload order, read a page at a time as the stream is consumed. */
	public Stream<Task> tasksOf(String batchId) {
		Iterator<Task> pages = new Iterator<>() {

			private Iterator<Task> page = Collections.emptyIterator();

			private @Nullable String next;

			private boolean last;

			@Override
			public boolean hasNext() {
				while (!this.page.hasNext() && !this.last) {
					try {
						Batch batch = batch(batchId, 500, this.next);
						this.next = batch.nextPageToken();
						this.last = this.next == null;
						this.page = (batch.tasks() != null) ? batch.tasks().iterator() : Collections.emptyIterator();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
				return this.page.hasNext();
			}

			@Override
			public Task next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
	}

	/**
	 * Follows a task's Server-Sent Events: {@code onChange} sees the task at each change, the
	 * last time in its final state, which is returned. A dropped stream is opened again from
	 * the last version seen.
	 */
	public Task follow(String id, Consumer<Task> onChange) throws IOException {
		Followed followed = new Followed(onChange);
		int failures = 0;
		while (true) {
			int seen = followed.events;
			try {
				HttpRequest.Builder request = request("/api/v1/tasks/" + encoded(id) + "/events")
					.header("Accept", "text/event-stream");
				if (followed.lastEventId != null) {
					request.header("Last-Event-ID", followed.lastEventId);
				}
				HttpResponse<Stream<String>> response = this.http.send(request.GET().build(),
						HttpResponse.BodyHandlers.ofLines());
				try (Stream<String> lines = response.body()) {
					if (response.statusCode() == 204 && followed.last != null) {
						return followed.last; // its final state came before the stream dropped
					}
					if (response.statusCode() >= 400) {
						throw problem(response.statusCode(), response.headers(),
								lines.collect(java.util.stream.Collectors.joining("\n")));
					}
					if (followed.read(lines)) {
						return followed.last;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while following " + id, ex);
			}
			catch (IOException | UncheckedIOException dropped) {
				// opened again below, from the last version seen
			}
			// a stream that delivered is not a failed attempt
			failures = (followed.events > seen) ? 0 : failures + 1;
			if (failures >= this.maxAttempts) {
				throw new IOException("The event stream of " + id + " ended before the task finished");
			}
		}
	}

	/** What {@link #follow} has seen of a task's event stream. */
	private static final class Followed {

		private final Consumer<Task> onChange;

		private @Nullable Task last;

		private @Nullable String lastEventId;

		private int events;

		Followed(Consumer<Task> onChange) {
			this.onChange = onChange;
		}

		/** Reads events until the task is final (true) or the stream ends (false). */
		boolean read(Stream<String> lines) {
			StringBuilder data = new StringBuilder();
			String eventId = null;
			for (Iterator<String> it = lines.iterator(); it.hasNext();) {
				String line = it.next();
				if (line.startsWith("id:")) {
					eventId = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
				else if (line.isEmpty() && !data.isEmpty()) {
					this.last = JSON.readValue(data.toString(), Task.class);
					this.lastEventId = eventId;
					this.events++;
					data.setLength(0);
					this.onChange.accept(this.last);
					if (this.last.state().isFinal()) {
						return true;
					}
				}
			}
			return false;
		}

	}

	public Task task(String id) throws IOException {
		return read(send(request("/api/v1/tasks/" + encoded(id)).GET(), true), Task.class);
	}

	/**
	 * The task once it is final, or as it is when {@code timeout} passes: long polls that
	 * the server answers as soon as the task changes.
	 */
	public Task await(String id, Duration timeout) throws IOException {
		Instant deadline = Instant.now().plus(timeout);
		Task task = task(id);
		while (!task.state().isFinal()) {
			long left = Duration.between(Instant.now(), deadline).toSeconds();
			if (left <= 0) {
				return task;
			}
			long wait = Math.min(left, 60);
			task = read(send(request("/api/v1/tasks/" + encoded(id) + "?waitSeconds=" + wait)
				.timeout(Duration.ofSeconds(wait + 30))
				.GET(), true), Task.class);
		}
		return task;
	}

	/** A batch's counts and state, with a page of its tasks. */
	public Batch batch(String id, int pageSize, @Nullable String pageToken) throws IOException {
		String page = "?pageSize=" + pageSize + ((pageToken != null) ? "&pageToken=" + encoded(pageToken) : "");
		return read(send(request("/api/v1/batches/" + encoded(id) + page).GET(), true), Batch.class);
	}

	/** A succeeded task's result document. */
	public Map<String, Object> result(String id) throws IOException {
		return json("/api/v1/tasks/" + encoded(id) + "/result");
	}

	/** A succeeded task's result as its type's record: {@link AudioFeatures} or {@link MapPlan}. */
	public <T> T result(String id, Class<T> type) throws IOException {
		return read(send(request("/api/v1/tasks/" + encoded(id) + "/result").GET(), true), type);
	}

	/** Cancels a task: at once when it waits, at its next chunk boundary when it runs. */
	public Task cancel(String id) throws IOException {
		return read(send(request("/api/v1/tasks/" + encoded(id)).DELETE(), true), Task.class);
	}

	/** Queues a batch's FAILED tasks again; the answer says how many. */
	public Map<String, Object> redriveBatch(String batchId) throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = read(send(request("/api/v1/batches/" + encoded(batchId) + "/redrive")
			.POST(HttpRequest.BodyPublishers.noBody()), true), Map.class);
		return answer;
	}

	/**
	 * A page of tasks by filters ({@code state}, {@code type}, {@code batchId},
	 * {@code errorCode}, {@code pageSize}, {@code pageToken} …), newest first: the caller's, or
	 * with {@code allTenants} (the admin key) every tenant's.
	 */
	public Map<String, Object> tasks(Map<String, String> filters, boolean allTenants) throws IOException {
		StringBuilder query = new StringBuilder();
		filters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
			.append(encoded(name))
			.append('=')
			.append(encoded(value)));
		return json((allTenants ? "/admin/v1/tasks" : "/api/v1/tasks") + query);
	}

	/** Operators (the admin key): each job type's queue, running tasks, rates and the scaling signal. */
	public Map<String, Object> queues() throws IOException {
		return json("/admin/v1/queues");
	}

	/** Operators (the admin key): the worker processes, live and lately lost. */
	public List<Map<String, Object>> workers() throws IOException {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> workers = read(send(request("/admin/v1/workers").GET(), true), List.class);
		return workers;
	}

	private Map<String, Object> json(String path) throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = read(send(request(path).GET(), true), Map.class);
		return answer;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.base.resolve(path)).header("Accept", "application/json");
		return (this.apiKey != null) ? builder.header("X-API-Key", this.apiKey) : builder;
	}

	/**
	 * Sends, retrying a 429 or 503 after its Retry-After, and a dropped connection when the
	 * request may be repeated ({@code repeatable}: a read, a cancel, an upload with its key).
	 * A 429 is a quota that refills, so it is tried again for as long as the quota patience
	 * lasts, beside the attempts.
	 */
	private HttpResponse<String> send(HttpRequest.Builder request, boolean repeatable) throws IOException {
		HttpRequest built = request.build();
		long patienceLeft = this.quotaPatience.toMillis();
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response;
			try {
				response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (!repeatable || attempt >= this.maxAttempts) {
					throw ex;
				}
				pause(Duration.ofSeconds(Math.min(1L << (attempt - 1), this.longestWait.toSeconds())));
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for " + built.uri(), ex);
			}
			if (response.statusCode() < 400) {
				return response;
			}
			HopperProblem problem = problem(response);
			Duration asked = (problem.retryAfter() != null) ? problem.retryAfter()
					: Duration.ofSeconds(1L << Math.min(attempt, 10));
			Duration wait = (asked.compareTo(this.longestWait) > 0) ? this.longestWait : asked;
			boolean quotaRefills = problem.status() == 429 && patienceLeft >= wait.toMillis();
			if (!problem.isTransient() || (attempt >= this.maxAttempts && !quotaRefills)) {
				throw problem;
			}
			if (quotaRefills) {
				patienceLeft -= wait.toMillis();
				attempt--;
			}
			pause(wait);
		}
	}

	private static HopperProblem problem(HttpResponse<String> response) {
		return problem(response.statusCode(), response.headers(), response.body());
	}

	private static HopperProblem problem(int status, java.net.http.HttpHeaders headers, String text) {
		Duration retryAfter = headers.firstValue("Retry-After").flatMap(HopperClient::seconds).orElse(null);
		String code = "http_" + status;
		String detail = text;
		try {
			JsonNode body = JSON.readTree(text);
			code = body.path("code").asString(code);
			detail = body.path("detail").asString(detail);
		}
		catch (JacksonException notJson) {
			// a body from something in between: the status says enough
		}
		return new HopperProblem(status, code, detail, retryAfter);
	}

	private static java.util.Optional<Duration> seconds(String value) {
		try {
			return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
		}
		catch (NumberFormatException dateForm) {
			return java.util.Optional.empty();
		}
	}

	private static <T> T read(HttpResponse<String> response, Class<T> type) throws IOException {
		try {
			return JSON.readValue(response.body(), type);
		}
		catch (JacksonException ex) {
			throw new IOException("Not an answer of the API (" + response.statusCode() + "): " + ex.getMessage(), ex);
		}
	}

	private static String typeQuery(String type, Map<String, ?> params) {
		String query = "?type=" + encoded(type);
		return params.isEmpty() ? query : query + "&params=" + encoded(JSON.writeValueAsString(params));
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static void pause(Duration wait) throws IOException {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting to try again", ex);
		}
	}

	/** How a client is made. */
	public static final class Builder {

		private final URI base;

		private @Nullable String apiKey;

		private @Nullable HttpClient http;

		private int maxAttempts = 5;

		private Duration longestWait = Duration.ofSeconds(30);

		private Duration quotaPatience = Duration.ZERO;

		private Builder(URI base) {
			this.base = Objects.requireNonNull(base, "base");
		}

		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		public Builder httpClient(HttpClient http) {
			this.http = http;
			return this;
		}

		/** Attempts per request for answers worth repeating (429, 503, a dropped connection); 1: none repeated. */
		public Builder maxAttempts(int maxAttempts) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1");
			}
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * How long in all one request may wait out 429 answers (a quota refills) before its
		 * refusal is final, beyond {@link #maxAttempts}; none by default.
		 */
		public Builder quotaPatience(Duration quotaPatience) {
			this.quotaPatience = Objects.requireNonNull(quotaPatience, "quotaPatience");
			return this;
		}

		/** The longest wait between attempts, whatever a Retry-After asks. */
		public Builder longestWait(Duration longestWait) {
			this.longestWait = longestWait;
			return this;
		}

		public HopperClient build() {
			return new HopperClient(this);
		}

	}

}

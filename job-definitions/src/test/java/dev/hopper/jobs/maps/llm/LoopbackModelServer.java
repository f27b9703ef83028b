package dev.hopper.jobs.maps.llm;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.hopper.jobs.maps.cv.CvMapParser;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/**
 * A real HTTP server on loopback speaking the OpenAI chat-completions API, standing in for a
 * vision model in tests. Asked for a plan, it "sees" the image it was sent by running the CV
 * parser on it, so its answer is right in the shown image's pixels and a client that maps
 * coordinates back wrongly scores badly against the ground truth. Asked to label outlines,
 * it answers what the test set. Faults queued with {@link #fail} are served first, one per
 * request, in order.
 */
public final class LoopbackModelServer implements AutoCloseable {

	/** One scripted misbehaviour. */
	public sealed interface Fault {

		/** HTTP 429 with {@code Retry-After} in whole seconds. */
		record RateLimited(int retryAfterSeconds) implements Fault {
		}

		/** HTTP 500. */
		record ServerError() implements Fault {
		}

		/** A right answer, but only after {@code delay}: longer than the client's timeout. */
		record Slow(Duration delay) implements Fault {
		}

		/** HTTP 200 whose message content is cut-off JSON. */
		record Malformed() implements Fault {
		}

		/** HTTP 200 with JSON that breaks the schema: a three-cornered stall. */
		record SchemaViolation() implements Fault {
		}

	}

	/** What the server saw of one request. */
	public record Seen(long atNanos, String authorization, String schema, int imageWidth, int imageHeight) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();

	private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Duration latency = Duration.ZERO;

	private volatile String labels = "{\"outlines\": []}";

	private volatile String canned;

	public LoopbackModelServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/v1/chat/completions", this::handle);
		this.server.start();
	}

	/** The base URL to configure, up to and including {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	public void fail(Fault... queued) {
		this.faults.addAll(List.of(queued));
	}

	/** How long every answer takes. */
	public void latency(Duration latency) {
		this.latency = latency;
	}

	/** Answers every plan request with {@code json} instead of reading the image (benchmarks). */
	public void answerPlansWith(String json) {
		this.canned = json;
	}

	/** The answer to label requests (hybrid mode), as {@link LabelAnswer} JSON. */
	public void labels(String json) {
		this.labels = json;
	}

	public List<Seen> seen() {
		synchronized (this.seen) {
			return List.copyOf(this.seen);
		}
	}

	public void reset() {
		this.canned = null;
		this.faults.clear();
		this.seen.clear();
		this.latency = Duration.ZERO;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = JSON.readTree(exchange.getRequestBody());
			String schema = request.path("response_format").path("json_schema").path("name").asText();
			BufferedImage image = image(request);
			this.seen.add(new Seen(System.nanoTime(), String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
					schema, image.getWidth(), image.getHeight()));
			Fault fault = this.faults.poll();
			if (fault instanceof Fault.RateLimited limited) {
				exchange.getResponseHeaders().add("Retry-After", String.valueOf(limited.retryAfterSeconds()));
				send(exchange, 429, error("rate_limit_exceeded", "Rate limit reached"));
				return;
			}
			if (fault instanceof Fault.ServerError) {
				send(exchange, 500, error("server_error", "The server had an error"));
				return;
			}
			sleep((fault instanceof Fault.Slow slow) ? slow.delay() : this.latency);
			String content;
			if (fault instanceof Fault.Malformed) {
				content = "{\"levels\": [{\"id\": \"L1\", \"slots\": [{\"id\": ";
			}
			else if (fault instanceof Fault.SchemaViolation) {
				content = "{\"levels\": [{\"id\": \"L1\", \"slots\": [{\"id\": \"A01\", \"type\": \"regular\", "
						+ "\"polygon\": [{\"x\": 1, \"y\": 1}, {\"x\": 9, \"y\": 1}, {\"x\": 9, \"y\": 20}]}], "
						+ "\"laneNodes\": [], \"laneEdges\": [], \"entrances\": []}]}";
			}
			else {
				String canned = this.canned;
				content = schema.contains("LabelAnswer") ? this.labels : (canned != null) ? canned : plan(image);
			}
			send(exchange, 200, completion(request.path("model").asText(), content));
		}
	}

	private static BufferedImage image(JsonNode request) throws IOException {
		for (JsonNode message : request.path("messages")) {
			for (JsonNode part : message.path("content")) {
				String url = part.path("image_url").path("url").asText("");
				if (url.startsWith("data:")) {
					byte[] bytes = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
					return ImageIO.read(new ByteArrayInputStream(bytes));
				}
			}
		}
		throw new IOException("No image in the request");
	}

	/** The plan as the CV parser reads the shown image, in the answer's schema. */
	private static String plan(BufferedImage image) {
		return planAnswer(new CvMapParser().parse(image));
	}

	/** {@code map} in the answer's schema: for {@link #answerPlansWith}, in the shown image's pixels. */
	public static String planAnswer(ParkingMap map) {
		List<Map<String, Object>> levels = new ArrayList<>();
		for (Level level : map.levels()) {
			List<Map<String, Object>> slots = new ArrayList<>();
			for (Slot slot : level.slots()) {
				slots.add(Map.of("id", slot.id(), "type", slot.type().wireName(), "polygon",
						slot.polygon().stream().map(LoopbackModelServer::xy).toList()));
			}
			levels.add(Map.of("id", level.id(), "slots", slots, "laneNodes",
					level.lanes().nodes().stream().map((n) -> Map.of("id", n.id(), "point", xy(n.point()))).toList(),
					"laneEdges",
					level.lanes().edges().stream()
						.map((e) -> Map.of("from", e.from(), "to", e.to(), "oneway", e.oneway()))
						.toList(),
					"entrances", level.entrances().stream().map((e) -> Map.of("id", e.id(), "kind",
							e.kind().name().toLowerCase(Locale.ROOT), "point", xy(e.point()))).toList()));
		}
		try {
			return JSON.writeValueAsString(Map.of("levels", levels));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> xy(Point p) {
		return Map.of("x", p.x(), "y", p.y());
	}

	private String completion(String model, String content) throws IOException {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("content", content);
		message.put("refusal", null);
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("message", message);
		choice.put("finish_reason", "stop");
		choice.put("logprobs", null);
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-loopback-" + this.ids.incrementAndGet(), "object",
				"chat.completion", "created", System.currentTimeMillis() / 1000, "model", model, "choices",
				List.of(choice), "usage", Map.of("prompt_tokens", 1200, "completion_tokens", content.length() / 4,
						"total_tokens", 1200 + content.length() / 4)));
	}

	private static String error(String code, String message) throws IOException {
		return JSON.writeValueAsString(Map.of("error", Map.of("message", message, "type", code, "code", code)));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

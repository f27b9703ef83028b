package dev.hopper.jobs.maps.llm;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletionMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.admission.RateLimiter;
import dev.hopper.jobs.maps.MapJobProperties;
import dev.hopper.jobs.maps.Png;

/**
 * One vision model behind the OpenAI chat-completions API, shared fairly by every worker:
 * each request first takes its share of the requests- and tokens-per-minute allowances,
 * counted across all workers in Redis; 429, 5xx and timeouts are retried with exponential
 * backoff and jitter, waiting at least as long as the server's {@code Retry-After} asks.
 * The client's own retries are off so there is one retry policy, this one.
 */
public class VisionModel {

	static final String INVALID_OUTPUT = "invalid_model_output";

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final MapJobProperties.Model settings;

	private final OpenAIClient client;

	private final RateLimiter allowances;

	private final MeterRegistry meters;

	public VisionModel(MapJobProperties.Model settings, RateLimiter allowances, MeterRegistry meters) {
		this.settings = settings;
		this.allowances = allowances;
		this.meters = meters;
		this.client = OpenAIOkHttpClient.builder()
			.baseUrl(settings.baseUrl())
			.apiKey((settings.apiKey() != null) ? settings.apiKey() : "none")
			.timeout(settings.timeout())
			.maxRetries(0)
			.build();
	}

	public String name() {
		return this.settings.name();
	}

	int maxImageSide() {
		return this.settings.maxImageSide();
	}

	/**
	 * Like {@link #ask}, then {@code check} the answer; an answer that is not JSON of the
	 * schema, or fails the check, is asked for once more, and a second one fails the task.
	 */
	<T> T answer(String instructions, BufferedImage image, Class<T> type, Consumer<T> check) {
		for (int attempt = 1;; attempt++) {
			try {
				T answer = ask(instructions, image, type);
				check.accept(answer);
				return answer;
			}
			catch (InvalidAnswer ex) {
				if (attempt == 2) {
					throw new PermanentFailure(INVALID_OUTPUT, ex.getMessage() + " (asked twice)");
				}
			}
		}
	}

	/**
	 * Shows the model {@code image} with {@code instructions} and returns its answer in the
	 * shape of {@code type}.
	 * @throws ModelUnavailable when no attempt got an answer
	 * @throws InvalidAnswer when the answer is not JSON of that shape
	 */
	<T> T ask(String instructions, BufferedImage image, Class<T> type) {
		String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(Png.encode(image));
		StructuredChatCompletionCreateParams<T> params = ChatCompletionCreateParams.builder()
			.model(this.settings.name())
			.maxCompletionTokens(this.settings.maxCompletionTokens())
			.temperature(0.0)
			.responseFormat(type)
			.addSystemMessage(instructions)
			.addUserMessageOfArrayOfContentParts(List.of(
					ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
						.text("The plan:")
						.build()),
					ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
						.imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
							.url(dataUrl)
							.detail(ChatCompletionContentPartImage.ImageUrl.Detail.HIGH)
							.build())
						.build())))
			.build();
		long tokens = imageTokens(image.getWidth(), image.getHeight()) + instructions.length() / 4
				+ this.settings.maxCompletionTokens();
		RuntimeException last = null;
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			takeAllowance(tokens);
			Timer.Sample sample = Timer.start(this.meters);
			try {
				StructuredChatCompletion<T> completion = this.client.chat().completions().create(params);
				completion.usage().ifPresent((usage) -> {
					tokens("prompt").increment(usage.promptTokens());
					tokens("completion").increment(usage.completionTokens());
				});
				T answer = content(completion);
				sample.stop(latency("ok"));
				return answer;
			}
			catch (InvalidAnswer ex) {
				sample.stop(latency("invalid"));
				throw ex;
			}
			catch (OpenAIServiceException ex) {
				if (!transientStatus(ex.statusCode())) {
					sample.stop(latency("rejected"));
					throw new ModelUnavailable("model_rejected",
							"The model's server refused the request with HTTP " + ex.statusCode(), ex);
				}
				sample.stop(latency((ex.statusCode() == 429) ? "rate_limited" : "server_error"));
				last = ex;
				pause(attempt, retryAfter(ex));
			}
			catch (OpenAIIoException ex) {
				sample.stop(latency("io_error"));
				last = ex;
				pause(attempt, Optional.empty());
			}
		}
		throw new ModelUnavailable("model_unavailable", "The model did not answer in " + this.settings.maxAttempts()
				+ " attempts; the last error: " + ((last != null) ? last.getMessage() : "none"), last);
	}

	private static <T> T content(StructuredChatCompletion<T> completion) {
		try {
			StructuredChatCompletionMessage<T> message = completion.choices().get(0).message();
			if (message.refusal().isPresent()) {
				throw new InvalidAnswer("The model refused: " + message.refusal().get(), null);
			}
			return message.content().orElseThrow(() -> new InvalidAnswer("The model's answer is empty", null));
		}
		catch (OpenAIInvalidDataException | IndexOutOfBoundsException ex) {
			throw new InvalidAnswer("The model's answer is not JSON of the requested schema: " + ex.getMessage(), ex);
		}
	}

	/** Waits for this request's share of both allowances, or gives up after {@code maxWait}. */
	private void takeAllowance(long tokens) {
		Duration window = this.settings.rateWindow();
		double share = window.toMillis() / 60_000.0;
		long requests = Math.max(1, Math.round(this.settings.requestsPerMinute() * share));
		long tokenAllowance = Math.max(1, Math.round(this.settings.tokensPerMinute() * share));
		String key = "model:" + this.settings.name();
		long deadline = System.nanoTime() + this.settings.maxWait().toNanos();
		Timer.Sample sample = Timer.start(this.meters);
		boolean tokensTaken = false;
		while (true) {
			tokensTaken = tokensTaken || this.allowances.tryAcquire(key + ":tokens", tokens, tokenAllowance, window);
			if (tokensTaken && this.allowances.tryAcquire(key + ":requests", 1, requests, window)) {
				sample.stop(this.meters.timer("hopper.model.allowance.wait", "model", this.settings.name()));
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new ModelUnavailable("model_busy", "The model's allowance stayed spent for "
						+ this.settings.maxWait().toSeconds() + " s", null);
			}
			sleep(Duration.ofMillis(10 + ThreadLocalRandom.current().nextLong(10)));
		}
	}

	private static boolean transientStatus(int status) {
		return status == 408 || status == 409 || status == 429 || status >= 500;
	}

	/** Full-jitter exponential backoff, but never sooner than the server asked. */
	private void pause(int attempt, Optional<Duration> retryAfter) {
		if (attempt >= this.settings.maxAttempts()) {
			return;
		}
		long ceiling = Math.min(MAX_BACKOFF.toMillis(), this.settings.backoff().toMillis() << (attempt - 1));
		long backoff = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
		long wait = Math.max(backoff, retryAfter.map(Duration::toMillis).orElse(0L));
		sleep(Duration.ofMillis(Math.min(wait, MAX_BACKOFF.toMillis() * 2)));
	}

	/** {@code retry-after-ms} (OpenAI's), else {@code Retry-After} in seconds or as an HTTP date. */
	static Optional<Duration> retryAfter(OpenAIServiceException ex) {
		List<String> millis = ex.headers().values("retry-after-ms");
		try {
			if (!millis.isEmpty()) {
				return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get(0).trim())));
			}
			List<String> value = ex.headers().values("retry-after");
			if (value.isEmpty()) {
				return Optional.empty();
			}
			String text = value.get(0).trim();
			if (text.chars().allMatch(Character::isDigit)) {
				return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
			}
			ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
			return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter((d) -> !d.isNegative());
		}
		catch (NumberFormatException | DateTimeParseException ex2) {
			return Optional.empty();
		}
	}

	/** OpenAI's count for a high-detail image: 85 plus 170 per 512-pixel tile after scaling. */
	static long imageTokens(int width, int height) {
		double scale = Math.min(1, 2048.0 / Math.max(width, height));
		double w = width * scale;
		double h = height * scale;
		scale = Math.min(1, 768.0 / Math.min(w, h));
		long tiles = (long) Math.ceil(w * scale / 512) * (long) Math.ceil(h * scale / 512);
		return 85 + 170 * tiles;
	}

	private Counter tokens(String kind) {
		return this.meters.counter("hopper.model.tokens", "model", this.settings.name(), "kind", kind);
	}

	private Timer latency(String outcome) {
		return this.meters.timer("hopper.model.requests", "model", this.settings.name(), "outcome", outcome);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// a shutdown: the step fails and the task is handed back, not parsed offline
			throw new IllegalStateException("Interrupted while waiting for the model", ex);
		}
	}

}

package dev.hopper.jobs.maps;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code map-parse} job.
 *
 * @param maxImagePixels largest image (width × height, as its header declares) decoded;
 * bigger ones fail their task before a pixel is allocated
 * @param model the vision model, if any: without one only the CV parser runs
 */
@ConfigurationProperties("hopper.jobs.maps")
public record MapJobProperties(long maxImagePixels, @DefaultValue Model model) {

	public MapJobProperties {
		maxImagePixels = (maxImagePixels > 0) ? maxImagePixels : 50_000_000L;
	}

	/**
	 * An OpenAI-compatible vision model (OpenAI, Azure OpenAI, vLLM, Ollama…).
	 *
	 * @param name the model; none means no model is configured
	 * @param baseUrl the API's base URL, up to and including {@code /v1}
	 * @param apiKey its key
	 * @param timeout one request's limit, from connecting to the last byte
	 * @param maxAttempts attempts per request on 429, 5xx and timeouts before the model
	 * counts as unavailable
	 * @param requestsPerMinute requests allowed across all workers
	 * @param tokensPerMinute tokens (prompt, image and the completion's cap) allowed across
	 * all workers
	 * @param rateWindow the window those allowances are counted over, scaled to it; a
	 * shorter window smooths bursts
	 * @param maxWait longest a request waits for the allowance before the model counts as
	 * unavailable
	 * @param maxImageSide longest side sent to the model; larger plans are downscaled, and
	 * those over twice this are cut into overlapping tiles
	 * @param maxCompletionTokens cap on one answer's length
	 * @param backoff the first retry's wait, doubled for each next one (with jitter)
	 */
	public record Model(@Nullable String name, @DefaultValue("https://api.openai.com/v1") String baseUrl,
			@Nullable String apiKey, @DefaultValue("60s") Duration timeout, @DefaultValue("4") int maxAttempts,
			@DefaultValue("60") int requestsPerMinute, @DefaultValue("400000") long tokensPerMinute,
			@DefaultValue("60s") Duration rateWindow, @DefaultValue("10m") Duration maxWait,
			@DefaultValue("2048") int maxImageSide, @DefaultValue("16000") int maxCompletionTokens,
			@DefaultValue("1s") Duration backoff) {

		public boolean configured() {
			return this.name != null && !this.name.isBlank();
		}

	}

}

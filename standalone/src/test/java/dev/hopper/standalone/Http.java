package dev.hopper.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: real requests to the running app, JSON answers. */
final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The development key every test app registers (hopper.auth.development-key). */
	static final String API_KEY = "hop_test-development-key";

	/** The development key's tenant (the default of hopper.auth.development-tenant). */
	static final String TENANT = "development";

	/** The admin key every test app is given (hopper.auth.admin-key). */
	static final String ADMIN_KEY = "hop_test-admin-key";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final String base;

	private final @Nullable String apiKey;

	/** The server's address, for other clients of the same server. */
	java.net.URI base() {
		return java.net.URI.create(this.base);
	}

	Http(int port) {
		this("http://127.0.0.1:" + port, API_KEY);
	}

	private Http(String base, @Nullable String apiKey) {
		this.base = base;
		this.apiKey = apiKey;
	}

	/** The same client presenting {@code key} instead (null: none). */
	Http withKey(@Nullable String key) {
		return new Http(this.base, key);
	}

	/** Test properties that register the keys above. */
	static Map<String, Object> keyProperties() {
		return Map.of("hopper.auth.development-key", API_KEY, "hopper.auth.admin-key", ADMIN_KEY);
	}

	Response get(String path, String... headerNamesAndValues) {
		return send(withHeaders(request(path), headerNamesAndValues).GET().build());
	}

	/** A GET answered later: long polls. */
	java.util.concurrent.CompletableFuture<Response> getLater(String path, String... headerNamesAndValues) {
		return java.util.concurrent.CompletableFuture.supplyAsync(() -> get(path, headerNamesAndValues));
	}

	Response delete(String path) {
		return send(request(path).DELETE().build());
	}

	/** A multipart POST; a part whose value is {@code byte[]} is sent as a file. */
	Response postMultipart(String path, Map<String, Object> parts, String... headerNamesAndValues) {
		return postParts(path, List.copyOf(parts.entrySet()), headerNamesAndValues);
	}

	/** A multipart POST whose part names may repeat (a batch's files). */
	Response postParts(String path, List<Map.Entry<String, Object>> parts, String... headerNamesAndValues) {
		String boundary = "hopper-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int files = 0;
		for (Map.Entry<String, Object> part : parts) {
			String name = part.getKey();
			Object value = part.getValue();
			String fileName = name + "-" + (files++) + ".bin";
			if (value instanceof NamedFile named) {
				fileName = named.name();
				value = named.bytes();
			}
			String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
					+ ((value instanceof byte[]) ? "; filename=\"" + fileName
							+ "\"\r\nContent-Type: application/octet-stream" : "");
			body.writeBytes(("--" + boundary + "\r\n" + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes((value instanceof byte[] bytes) ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(withHeaders(request(path), headerNamesAndValues)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** A file part sent under a file name of the test's choosing. */
	record NamedFile(String name, byte[] bytes) {
	}

	/** Parts in order, names may repeat. */
	static List<Map.Entry<String, Object>> partList(Object... nameValues) {
		List<Map.Entry<String, Object>> parts = new java.util.ArrayList<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			parts.add(Map.entry((String) nameValues[i], nameValues[i + 1]));
		}
		return parts;
	}

	/** The raw body of a GET, for binary answers. */
	byte[] getBytes(String path) {
		try {
			return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static Map<String, Object> parts(Object... nameValues) {
		Map<String, Object> parts = new LinkedHashMap<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			parts.put((String) nameValues[i], nameValues[i + 1]);
		}
		return parts;
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			builder.header(namesAndValues[i], namesAndValues[i + 1]);
		}
		return builder;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		return (this.apiKey != null) ? builder.header("X-API-Key", this.apiKey) : builder;
	}

	/** Every problem this JVM's clients were answered with: checked against the OpenAPI document. */
	static final java.util.Set<Answered> PROBLEMS = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** A problem answer: the request's method and path (no query), its status and code. */
	record Answered(String method, String path, int status, String code) {
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			Response answer = new Response(response.statusCode(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""), response.body(),
					response.headers().map());
			if (answer.contentType().startsWith("application/problem+json")) {
				try {
					PROBLEMS.add(new Answered(request.method(), request.uri().getRawPath(), answer.status(),
							answer.json().path("code").asString("")));
				}
				catch (RuntimeException notJson) {
					// a body cut short: nothing to record
				}
			}
			return answer;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String location, String contentType, String body,
			Map<String, List<String>> headers) {

		@Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}

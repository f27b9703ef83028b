package dev.hopper.api.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.hopper.api.problem.Refusal;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI document says about each operation beyond its signature: the resource it
 * belongs to (its tag, from its path), and every problem it answers with, by status, each
 * with its codes: those its method declares ({@link Refusal}) and those of the key checks
 * every operation of its family passes.
 */
final class ProblemResponses {

	static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

	/** Tags by path prefix, the first that matches: the resources a client generator groups by. */
	private static final Map<String, String> TAGS = new LinkedHashMap<>();

	static {
		TAGS.put("/api/v1/tasks/{id}/result", "results");
		TAGS.put("/api/v1/tasks/{id}/overlay", "results");
		TAGS.put("/api/v1/tasks", "tasks");
		TAGS.put("/api/v1/batches", "batches");
		TAGS.put("/api/v1/webhook-secret", "webhooks");
		TAGS.put("/admin/v1/", "admin");
	}

	private static final Map<String, String> TAG_DESCRIPTIONS = Map.of("tasks",
			"Upload a file or ask for an analysis; follow a task by polling, long polling or events; list, cancel, redrive",
			"batches", "Many files for one job type in one request, followed together", "results",
			"What a finished task produced", "webhooks", "The secret a tenant checks webhook signatures with", "admin",
			"Operators: keys, every tenant's tasks, queues, workers, dead letters (the admin key)");

	/** The key checks: every call of a family may be refused by them. */
	private static final Map<String, Set<String>> KEY_REFUSALS = Map.of("/api/v1/",
			Set.of("missing_api_key", "invalid_api_key", "revoked_api_key"), "/admin/v1/", Set.of("invalid_admin_key"));

	private ProblemResponses() {
	}

	/** Adds the refusals {@code handler} declares to {@code operation}. */
	static Operation declared(Operation operation, HandlerMethod handler) {
		for (Refusal refusal : handler.getMethod().getAnnotationsByType(Refusal.class)) {
			add(operation, refusal.status(), List.of(refusal.codes()));
		}
		return operation;
	}

	/** Tags every operation by its path and adds the key checks' refusals. */
	static void byPath(OpenAPI api) {
		TAG_DESCRIPTIONS.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((tag) -> api.addTagsItem(new Tag().name(tag.getKey()).description(tag.getValue())));
		api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			TAGS.entrySet()
				.stream()
				.filter((rule) -> path.startsWith(rule.getKey()))
				.findFirst()
				.ifPresent((rule) -> operation.setTags(List.of(rule.getValue())));
			KEY_REFUSALS.forEach((prefix, codes) -> {
				if (path.startsWith(prefix)) {
					add(operation, HttpStatus.UNAUTHORIZED.value(), codes);
				}
			});
		}));
	}

	/** The problem response for {@code status}, its codes merged with any listed already. */
	private static void add(Operation operation, int status, java.util.Collection<String> codes) {
		String key = Integer.toString(status);
		ApiResponse existing = (operation.getResponses() != null) ? operation.getResponses().get(key) : null;
		Set<String> all = new TreeSet<>(codes);
		if (existing != null && existing.getExtensions() != null
				&& existing.getExtensions().get(CODES) instanceof java.util.Collection<?> earlier) {
			earlier.forEach((code) -> all.add(code.toString()));
		}
		ApiResponse response = new ApiResponse()
			.description(HttpStatus.valueOf(status).getReasonPhrase() + ": a problem with code "
					+ String.join(", ", all.stream().map((code) -> "`" + code + "`").toList()))
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
		response.addExtension(CODES, List.copyOf(all));
		if (operation.getResponses() == null) {
			operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
		}
		operation.getResponses().addApiResponse(key, response);
		// responses in status order, as a reader expects
		Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
		operation.getResponses().clear();
		operation.getResponses().putAll(sorted);
	}

	/** The extension that lists a problem response's codes for machines: {@code x-problem-codes}. */
	static final String CODES = "x-problem-codes";

}

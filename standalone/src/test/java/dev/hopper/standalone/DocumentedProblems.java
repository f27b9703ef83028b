package dev.hopper.standalone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Every problem the scenarios were answered with, looked up in the OpenAPI document: the
 * operation of its method and path must list its status, and that status its code. What
 * clients meet in the tests is what a client generator is told to expect.
 */
final class DocumentedProblems {

	private DocumentedProblems() {
	}

	/** The answered problems the document does not list, one line each. */
	static List<String> missing(JsonNode api, Set<Http.Answered> answered) {
		List<Map.Entry<String, Pattern>> templates = new ArrayList<>();
		api.get("paths").propertyNames().forEach((template) -> templates.add(Map.entry(template,
				Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")))));
		// a literal segment beats a variable: /tasks/cancel is not /tasks/{id}
		templates.sort(Comparator.comparingLong((Map.Entry<String, Pattern> t) -> t.getKey().chars()
			.filter((c) -> c == '{')
			.count()));
		List<String> missing = new ArrayList<>();
		for (Http.Answered problem : answered) {
			if (!problem.path().startsWith("/api/v1/") && !problem.path().startsWith("/admin/v1/")) {
				continue;
			}
			String template = templates.stream()
				.filter((t) -> t.getValue().matcher(problem.path()).matches())
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
			JsonNode operation = (template != null)
					? api.get("paths").get(template).get(problem.method().toLowerCase(Locale.ROOT)) : null;
			if (operation == null) {
				// no such endpoint: the router's own 404 or 405
				continue;
			}
			JsonNode response = operation.get("responses").get(Integer.toString(problem.status()));
			boolean listed = response != null && response.has("x-problem-codes") && response.get("x-problem-codes")
				.valueStream()
				.anyMatch((code) -> code.asString().equals(problem.code()));
			if (!listed) {
				missing.add(problem.method() + " " + template + " → " + problem.status() + " " + problem.code());
			}
		}
		return missing.stream().distinct().sorted().toList();
	}

}

package dev.hopper.api.intake;

import java.util.List;
import java.util.Map;

import dev.hopper.api.problem.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a task's {@code params} may be, the same whichever way they come (a multipart field
 * or a JSON body): a JSON object of at most 64 KiB and 32 levels. Any key is kept as sent;
 * the store escapes what it cannot hold as it is.
 */
final class ParamsRules {

	static final int MAX_BYTES = 64 * 1024;

	static final int MAX_DEPTH = 32;

	private ParamsRules() {
	}

	static Map<String, Object> check(Map<String, Object> params, JsonMapper json) {
		if (depth(params) > MAX_DEPTH) {
			throw ApiProblem.badRequest("params_too_deep", "params nest more than " + MAX_DEPTH + " levels deep");
		}
		if (json.writeValueAsBytes(params).length > MAX_BYTES) {
			throw ApiProblem.badRequest("params_too_large", "params exceed " + MAX_BYTES + " bytes as JSON");
		}
		return params;
	}

	private static int depth(Object value) {
		if (value instanceof Map<?, ?> map) {
			return 1 + map.values().stream().mapToInt(ParamsRules::depth).max().orElse(0);
		}
		if (value instanceof List<?> list) {
			return 1 + list.stream().mapToInt(ParamsRules::depth).max().orElse(0);
		}
		return 0;
	}

}

package dev.hopper.api.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.hopper.api.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The small text fields of an upload form: read with a size limit, params parsed as JSON. */
final class FormFields {

	static final int MAX_FIELD_BYTES = 64 * 1024;

	private FormFields() {
	}

	static String read(InputStream content, String name) throws IOException {
		byte[] bytes = content.readNBytes(MAX_FIELD_BYTES + 1);
		if (bytes.length > MAX_FIELD_BYTES) {
			throw ApiProblem.badRequest("field_too_large", "The field '" + name + "' exceeds " + MAX_FIELD_BYTES
					+ " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8).strip();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> params(@Nullable String params, JsonMapper json) {
		if (params == null || params.isEmpty()) {
			return Map.of();
		}
		try {
			Object parsed = json.readValue(params, Object.class);
			if (parsed instanceof Map<?, ?> map) {
				return ParamsRules.check((Map<String, Object>) map, json);
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw ApiProblem.badRequest("invalid_params", "The field 'params' must be a JSON object");
	}

}

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

	/**
	 * A field given in the query string instead of the form ({@code ?type=…&params=…}), so
	 * the order of the form's parts stops mattering; null when absent.
	 */
	static @Nullable String fromQuery(jakarta.servlet.http.HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		java.util.List<String> values = org.springframework.web.util.UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams()
			.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw ApiProblem.badRequest("duplicate_field", "The query parameter '" + name + "' is given twice");
		}
		String value = org.springframework.web.util.UriUtils.decode(values.get(0) == null ? "" : values.get(0),
				StandardCharsets.UTF_8);
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_BYTES) {
			throw ApiProblem.badRequest("field_too_large", "The field '" + name + "' exceeds " + MAX_FIELD_BYTES
					+ " bytes");
		}
		return value.strip();
	}

	/** The one value of a field that may come from the query or the form: both must agree. */
	static String agreed(@Nullable String fromQuery, String fromForm, String name) {
		if (fromQuery != null && !fromQuery.equals(fromForm)) {
			throw ApiProblem.badRequest("conflicting_field", "The field '" + name
					+ "' is given in the query and in the form with different values");
		}
		return fromForm;
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

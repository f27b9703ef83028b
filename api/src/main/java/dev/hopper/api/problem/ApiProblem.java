package dev.hopper.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request Hopper refuses, with the status and stable code of its problem response. */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public ApiProblem(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	/** Response headers the problem needs ({@code Retry-After}, {@code WWW-Authenticate}...). */
	public Map<String, String> headers() {
		return Map.copyOf(this.headers);
	}

	public ApiProblem withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public static ApiProblem badRequest(String code, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
	}

	public static ApiProblem notFound(String code, String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
	}

}

package dev.hopper.api.problem;

import java.net.URI;
import java.util.Locale;

import dev.hopper.core.HopperFailure;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 problem with a stable {@code code} property. Client
 * errors are logged at WARN, server errors at ERROR.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAdvice.class);

	private static final String TYPE_BASE = "https://hopper.dev/problems/";

	private static final String CLIENT_GONE = "truncated_body";

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
		ResponseEntity<ProblemDetail> response = respond(problem.status(), problem.code(), problem.getMessage(),
				request, null);
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(response.getHeaders());
		problem.headers().forEach(headers::set);
		return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
	}

	@ExceptionHandler(HopperFailure.class)
	ResponseEntity<ProblemDetail> failure(HopperFailure failure, HttpServletRequest request) {
		HttpStatus status = failure.isTransient() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT;
		return respond(status, failure.code(), failure.getMessage(), request, failure);
	}

	/** Tomcat cannot decode a query parameter (bytes that are not UTF-8): the client's fault. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException ex, HttpServletRequest request) {
		return respond(HttpStatus.BAD_REQUEST, "invalid_parameter", "A query parameter is not valid UTF-8", request,
				null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "An unexpected error occurred", request, ex);
	}

	/** A JSON body past its limit is 413, not the 400 of an unreadable one. */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge tooLarge) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						tooLarge.getMessage());
				problem.setType(URI.create(TYPE_BASE + "body_too_large"));
				problem.setProperty("code", "body_too_large");
				log(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", tooLarge.getMessage(), null);
				return super.handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	/** Spring MVC's own errors (404 route, 405, 415, 406...) in the same format. */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
		String code = codeFor(statusCode);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setProperty("code", code);
		log(statusCode, code, problem.getDetail(), ex);
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, @Nullable String detail,
			HttpServletRequest request, @Nullable Exception cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", code);
		log(status, code, detail, cause);
		HttpHeaders headers = new HttpHeaders();
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			headers.set(HttpHeaders.RETRY_AFTER, "5");
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	private static String codeFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT) : "http_" + status.value();
	}

	private static void log(HttpStatusCode status, String code, @Nullable String detail, @Nullable Exception cause) {
		if (status.is5xxServerError()) {
			logger.error("{} {}: {}", status.value(), code, detail, cause);
		}
		else if (CLIENT_GONE.equals(code)) {
			// a client that hung up mid-upload: ordinary, and nobody reads the answer
			logger.info("{} {}: {}", status.value(), code, detail);
		}
		else {
			logger.warn("{} {}: {}", status.value(), code, detail);
		}
	}

}

package dev.hopper.api.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error responses (a request it refuses before Spring sees it: an invalid URI,
 * a malformed header) in the one error format, an RFC 9457 problem with a {@code code},
 * instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String code = (known != null) ? known.name().toLowerCase(Locale.ROOT) : "http_" + status;
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"https://hopper.dev/problems/" + code + "\",\"title\":\"" + title
						+ "\",\"status\":" + status + ",\"detail\":\"The server refused the request as malformed\","
						+ "\"code\":\"" + code + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone; nothing more to say
		}
	}

}

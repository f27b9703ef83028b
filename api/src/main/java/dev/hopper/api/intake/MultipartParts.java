package dev.hopper.api.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import dev.hopper.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Reads a multipart body as a stream, part by part, never holding a file in memory. Each
 * part is open only while its handler runs; what a handler leaves unread (a field nobody
 * asked for) is skipped.
 */
final class MultipartParts {

	private MultipartParts() {
	}

	/** What to do with one part. */
	@FunctionalInterface
	interface Handler {

		void part(String field, @Nullable String fileName, InputStream content) throws IOException;

	}

	/**
	 * Hands every part to {@code handler} in the order it was sent.
	 * @param expected what the request should have been, for the 415 when it is not multipart
	 */
	static void read(HttpServletRequest request, String expected, Handler handler) throws IOException {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not_multipart", expected);
		}
		try {
			FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				try (InputStream content = item.getInputStream()) {
					handler.part(item.getFieldName(), item.getName(), content);
					content.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
		catch (FileUploadException ex) {
			throw ApiProblem.badRequest("malformed_multipart", "The multipart body is malformed: " + ex.getMessage());
		}
	}

}

package dev.hopper.api.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.InvalidPathException;

import dev.hopper.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.ParameterParser;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Reads a multipart body as a stream, part by part, never holding a file in memory. Each
 * part is open only while its handler runs; what a handler leaves unread (a field nobody
 * asked for) is skipped.
 */
final class MultipartParts {

	/** Room for a 255-character file name in any script, percent-encoded, with the rest of a part's headers. */
	static final int MAX_PART_HEADER_BYTES = 16 * 1024;

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
		ClientBody body = new ClientBody();
		try {
			JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
			upload.setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
			// browsers send file names as UTF-8 bytes (the WHATWG form encoding), whatever the request's charset
			upload.setHeaderCharset(java.nio.charset.StandardCharsets.UTF_8);
			FileItemInputIterator items = body.watch(() -> upload.getItemIterator(request));
			while (body.watch(items::hasNext)) {
				FileItemInput item = body.watch(items::next);
				try (InputStream content = body.of(item.getInputStream())) {
					handler.part(item.getFieldName(), fileName(item), content);
					content.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
		catch (RuntimeException | IOException ex) {
			// whatever reported it (the object store that was reading the part, say), the body was at fault
			if (body.failure != null || ex instanceof FileUploadException) {
				throw ClientBody.problem((body.failure != null) ? body.failure : (IOException) ex);
			}
			throw ex;
		}
	}

	/** The part's file name as sent, even one the library refuses to hand over (a NUL in it): it is sanitised later. */
	private static @Nullable String fileName(FileItemInput item) {
		try {
			return item.getName();
		}
		catch (InvalidPathException ex) {
			String disposition = item.getHeaders().getHeader("Content-Disposition");
			return new ParameterParser().parse(disposition, ';').get("filename");
		}
	}

	/** The request body as read, and the first failure in reading it: the client's, not the server's. */
	private static final class ClientBody {

		private @Nullable IOException failure;

		<T> T watch(Read<T> read) throws IOException {
			try {
				return read.run();
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		InputStream of(InputStream part) {
			return new FilterInputStream(part) {

				@Override
				public int read() throws IOException {
					return watch(super::read);
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return watch(() -> super.read(buffer, offset, length));
				}

			};
		}

		static ApiProblem problem(IOException failure) {
			if (failure instanceof FileUploadException) {
				return ApiProblem.badRequest("malformed_multipart", "The multipart body is malformed: "
						+ failure.getMessage());
			}
			// the connection ended or broke before the body did: nobody may be there to read this
			return ApiProblem.badRequest("truncated_body", "The request body ended before its multipart closing boundary");
		}

	}

	@FunctionalInterface
	private interface Read<T> {

		T run() throws IOException;

	}

}

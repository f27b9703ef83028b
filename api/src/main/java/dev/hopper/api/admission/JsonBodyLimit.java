package dev.hopper.api.admission;

import java.io.IOException;

import dev.hopper.api.problem.BodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON request body is read into memory to be parsed, so it may be at most 1 MiB (a
 * task's params are 64 KiB at most): reading past that fails with {@link BodyTooLarge},
 * answered 413 {@code body_too_large}, whether the body declared its length or not.
 * Uploads are multipart and streamed; they have their own limits.
 */
public class JsonBodyLimit extends OncePerRequestFilter {

	public static final int MAX_BYTES = 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean json = type != null && (type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)
				|| type.toLowerCase(java.util.Locale.ROOT).contains("+json"));
		chain.doFilter(json ? new Limited(request) : request, response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > MAX_BYTES) {
				throw new BodyTooLarge(MAX_BYTES);
			}
			if (this.limited == null) {
				this.limited = new Counted(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		Counted(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			count((b < 0) ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			this.read += n;
			if (this.read > MAX_BYTES) {
				throw new BodyTooLarge(MAX_BYTES);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
